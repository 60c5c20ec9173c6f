package dev.roster.server.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Events arrive in commit order: a reader that follows its cursor never skips one and never sees one twice. */
class EventOrderHttpTest extends RosterHttpTest {

    private static final int WRITERS = 8;
    private static final Duration WRITING = Duration.ofSeconds(3);

    @Autowired
    private EventLog events;

    @Autowired
    private TransactionTemplate transactions;

    @Test
    void readWhenAnEarlierTransactionCommitsAfterALaterOneThenItsEventFollowsWithoutBeingSkipped()
            throws Exception {
        String organizationId = newOrganization();
        EventPoller poller = EventPoller.ofOrganization(operator(), organizationId);
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> early = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            append(organizationId, "inserted first");
            appended.countDown();
            await(release);
        }));
        assertThat(appended.await(10, TimeUnit.SECONDS)).isTrue();
        transactions.executeWithoutResult(status -> append(organizationId, "inserted second"));

        assertThat(names(poller.await(1))).containsExactly("inserted second");
        Thread.sleep(200);
        assertThat(poller.poll(100)).as("an uncommitted event").isEmpty();
        release.countDown();
        early.get(10, TimeUnit.SECONDS);
        assertThat(names(poller.await(1))).containsExactly("inserted first");
    }

    @Test
    void appendWhenRolledBackOrOutsideATransactionThenNoEvent() {
        String organizationId = newOrganization();
        assertThatThrownBy(() -> append(organizationId, "without a transaction"))
                .isInstanceOf(IllegalTransactionStateException.class);
        transactions.executeWithoutResult(status -> {
            append(organizationId, "rolled back");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> append(organizationId, "committed"));

        EventPoller poller = EventPoller.ofOrganization(operator(), organizationId);
        assertThat(names(poller.await(1))).containsExactly("committed");
    }

    @Test
    void readWhileManyWritersCommitThenEveryEventOnceInOneOrder() throws Exception {
        EventPoller reader = EventPoller.fromNow(operator());
        String start = reader.cursor();
        List<String> organizations = List.of(newOrganization(), newOrganization());
        List<Writer> writers = new ArrayList<>();
        for (int i = 0; i < WRITERS; i++) {
            writers.add(new Writer(organizations.get(i % organizations.size())));
        }
        List<JsonNode> read = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        try (ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1)) {
            Future<?> reading = pool.submit(() -> {
                while (writing.get()) {
                    read.addAll(reader.poll(ThreadLocalRandom.current().nextInt(1, 50)));
                }
            });
            List<Future<?>> written = new ArrayList<>();
            writers.forEach(writer -> written.add(pool.submit(writer::writeFor)));
            try {
                for (Future<?> writer : written) {
                    writer.get();
                }
            } finally {
                writing.set(false);
            }
            reading.get();
        }
        List<String> expected = writers.stream().flatMap(writer -> writer.implied.stream()).toList();
        Set<String> wanted = Set.copyOf(expected);
        read.addAll(reader.awaitMatching(expected.size() - describedIn(read, wanted).size(),
                event -> wanted.contains(describe(event))));

        List<String> readIds = read.stream().map(event -> event.get("id").asString()).toList();
        assertThat(readIds).doesNotHaveDuplicates();
        assertThat(describedIn(read, wanted)).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(readIds).isEqualTo(ids(new EventPoller(operator(), start, "").await(read.size())));
        assertThat(expected.size()).as("events written").isGreaterThan(100);
    }

    /**
     * A client changing one directory's tokens, one member's role and the directory's SCIM users as fast as it
     * can: management writes run in transactions, a SCIM create on PostgreSQL in one autocommitted statement.
     */
    private final class Writer {

        private final String directoryId;
        private final String memberPath;
        private final JsonClient scim;
        private final List<String> users = new ArrayList<>();
        private final List<String> liveTokens = new ArrayList<>();
        private final List<String> implied = new ArrayList<>();
        private String role = "member";

        Writer(String organizationId) {
            HttpResponse directory = operator().post("/api/v1/organizations/" + organizationId + "/directories",
                    Map.of("provider", "okta", "name", "Okta"));
            assertThat(directory.status()).isEqualTo(201);
            directoryId = directory.body().get("id").asString();
            scim = new JsonClient(directory.body().get("scimBaseUrl").asString(),
                    directory.body().get("token").asString(), SCIM_JSON);
            HttpResponse member = operator().post("/api/v1/organizations/" + organizationId + "/members",
                    Map.of("email", directoryId + "@example.com"));
            memberPath = "/api/v1/organizations/" + organizationId + "/members/" + member.body().get("id").asString();
            implied.add("member.created " + member.body().get("id").asString());
            HttpResponse tokens = operator().get("/api/v1/directories/" + directoryId + "/tokens");
            implied.add("directory.token.created " + tokens.body().get("data").get(0).get("id").asString());
        }

        void writeFor() {
            JsonClient operator = operator();
            Instant end = Instant.now().plus(WRITING);
            while (Instant.now().isBefore(end)) {
                switch (ThreadLocalRandom.current().nextInt(5)) {
                    case 0 -> {
                        HttpResponse issued = operator.post("/api/v1/directories/" + directoryId + "/tokens", null);
                        assertThat(issued.status()).isEqualTo(201);
                        liveTokens.add(issued.body().get("id").asString());
                        implied.add("directory.token.created " + liveTokens.getLast());
                    }
                    case 1 -> {
                        if (!liveTokens.isEmpty()) {
                            String token = liveTokens.removeLast();
                            assertThat(operator.delete("/api/v1/directories/" + directoryId + "/tokens/" + token)
                                    .status()).isEqualTo(204);
                            implied.add("directory.token.revoked " + token);
                        }
                    }
                    case 2 -> {
                        HttpResponse created = scim.post("/Users", Map.of("schemas",
                                List.of("urn:ietf:params:scim:schemas:core:2.0:User"),
                                "userName", directoryId + "-" + users.size() + "@example.com"));
                        assertThat(created.status()).isEqualTo(201);
                        users.add(created.body().get("id").asString());
                        implied.add("user.created " + users.getLast());
                    }
                    case 3 -> {
                        if (!users.isEmpty()) {
                            String user = users.get(ThreadLocalRandom.current().nextInt(users.size()));
                            assertThat(scim.patch("/Users/" + user, Map.of("schemas",
                                    List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"), "Operations",
                                    List.of(Map.of("op", "replace", "path", "title", "value", "T" + implied.size())))
                            ).status()).isEqualTo(200);
                            implied.add("user.updated " + user);
                        }
                    }
                    default -> {
                        String previous = role;
                        role = role.equals("member") ? "admin" : "member";
                        HttpResponse changed = operator.patch(memberPath, Map.of("role", role));
                        assertThat(changed.status()).isEqualTo(200);
                        implied.add("member.role_changed " + changed.body().get("id").asString() + " " + previous
                                + " to " + role);
                    }
                }
            }
        }
    }

    /** An event as a writer describes the change its response reported. */
    private static String describe(JsonNode event) {
        String type = event.get("type").asString();
        JsonNode data = event.get("data");
        String description = type + " " + data.path("id").asString("");
        return type.equals("member.role_changed")
                ? description + " " + data.get("previousRole").asString() + " to " + data.get("role").asString()
                : description;
    }

    private static List<String> describedIn(List<JsonNode> read, Set<String> expected) {
        return read.stream().map(EventOrderHttpTest::describe).filter(expected::contains).toList();
    }

    private static List<String> ids(List<JsonNode> events) {
        return events.stream().map(event -> event.get("id").asString()).toList();
    }

    private static List<String> names(List<JsonNode> events) {
        return events.stream().map(event -> event.get("data").get("name").asString()).toList();
    }

    private void append(String organizationId, String name) {
        events.append(EventType.MEMBER_CREATED, organizationId, null, Map.of("name", name));
    }

    private String newOrganization() {
        return operator().post("/api/v1/organizations", Map.of("name", "Events")).body().get("id").asString();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
