package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterProcess;
import dev.roster.server.webhook.WebhookReceiver.Received;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The packaged server killed with SIGKILL in the middle of a burst of writes: every write the client saw succeed
 * has its event delivered at least once, a write the client saw fail has none, and the requests the dead instance
 * had in flight are sent again once their leases end. Runs on the embedded H2 database, or on PostgreSQL when
 * SPRING_DATASOURCE_URL names one (as in CI), where a second test kills one of two instances.
 */
class WebhookCrashIT {

    private static final String OPERATOR_KEY = "crash-test-operator-key";
    private static final int WRITERS = 6;
    private static final int COMMITTED_BEFORE_KILL = 120;
    private static final int HELD_AT_KILL = 10;
    /** The lease is three timeouts plus 30 s (WebhookSender), so 45 s: the wait after a kill. */
    private static final Duration WEBHOOK_TIMEOUT = Duration.ofSeconds(5);
    /** Requests held at the receiver that arrived this recently are still awaited by the instance that sent them. */
    private static final Duration STILL_AWAITED = WEBHOOK_TIMEOUT.minusSeconds(1);
    private static final Duration REDELIVERY = Duration.ofSeconds(90);
    private static final JsonNode OKTA_USER_CREATE = fixture("okta/user-create.json");

    @TempDir
    Path work;

    @Test
    void serverKilledMidBurstThenAfterRestartEveryCommittedWriteIsDeliveredAndNoFailedOne() throws Exception {
        RosterProcess server = RosterProcess.start("roster", environment(), work);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Burst burst = Burst.prepare(server, receiver);
            burst.start(List.of(server));
            burst.awaitUnderWay();

            Set<String> inFlight = killHoldingAnswers(server, receiver, HELD_AT_KILL);
            burst.stop();
            receiver.answer();
            server = RosterProcess.start("roster-restarted", environment(), work);
            burst.awaitEveryCommittedWriteDelivered(server);

            burst.awaitEveryDeliveryDelivered(server);

            burst.assertNoEventOfAFailedWrite();
            assertThat(burst.lostAttempts(operator(server))).as("attempts lost with the killed server")
                    .containsKeys(inFlight.toArray(String[]::new));
            assertThat(receiver.rejections()).isEmpty();
        } finally {
            server.close();
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = "jdbc:postgresql:.*",
            disabledReason = "two instances share a database only on PostgreSQL: embedded H2 is one process's")
    void oneOfTwoServersKilledMidBurstThenSurvivorDeliversItsLeasedDeliveries() throws Exception {
        Future<RosterProcess> first;
        Future<RosterProcess> second;
        try (ExecutorService starting = Executors.newFixedThreadPool(2)) {
            first = starting.submit(() -> RosterProcess.start("roster-a", environment(), work));
            second = starting.submit(() -> RosterProcess.start("roster-b", environment(), work));
        }
        if (first.state() != Future.State.SUCCESS || second.state() != Future.State.SUCCESS) {
            Stream.of(first, second).filter(f -> f.state() == Future.State.SUCCESS).forEach(f -> f.resultNow().close());
            throw new AssertionError("an instance did not start",
                    Stream.of(first, second).filter(f -> f.state() == Future.State.FAILED).findFirst()
                            .map(Future::exceptionNow).orElse(null));
        }
        RosterProcess killed = first.resultNow();
        RosterProcess survivor = second.resultNow();
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            Burst burst = Burst.prepare(survivor, receiver);
            burst.start(List.of(killed, survivor));
            burst.awaitUnderWay();

            // each instance has at most MAX_IN_FLIGHT requests out, so with more awaited at once the one killed
            // surely has some
            killHoldingAnswers(killed, receiver, WebhookSender.MAX_IN_FLIGHT + 1);
            burst.stop();
            receiver.answer();
            burst.awaitEveryCommittedWriteDelivered(survivor);
            burst.awaitEveryDeliveryDelivered(survivor);

            burst.assertNoEventOfAFailedWrite();
            // an attempt whose outcome was never recorded was in flight on the killed instance, and its delivery
            // was sent again while only the survivor ran
            assertThat(burst.lostAttempts(operator(survivor))).as("attempts lost with the killed instance")
                    .isNotEmpty();
            killed = RosterProcess.start("roster-a-restarted", environment(), work);
            burst.assertDeliveredAfterRestart(killed);
            assertThat(receiver.rejections()).isEmpty();
        } finally {
            killed.close();
            survivor.close();
        }
    }

    /**
     * Holds the receiver's answers until {@code awaited} requests wait that their senders still await, then kills
     * the server: the held requests it sent are in flight on it and can end only by its lease. Returns the event
     * ids of the held requests still awaited at the kill.
     */
    private static Set<String> killHoldingAnswers(RosterProcess server, WebhookReceiver receiver, int awaited) {
        receiver.holdAnswers();
        awaitTrue(() -> receiver.heldIdsArrivedWithin(STILL_AWAITED).size() >= awaited, Duration.ofSeconds(30),
                awaited + " requests held at the receiver within " + STILL_AWAITED);
        Set<String> inFlight = receiver.heldIdsArrivedWithin(STILL_AWAITED);
        server.kill();
        return inFlight;
    }

    private Map<String, String> environment() {
        return Map.of("ROSTER_ADMIN_API_KEY", OPERATOR_KEY,
                "ROSTER_DATA_DIR", work.resolve("data").toString(),
                "ROSTER_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                "ROSTER_WEBHOOKS_TIMEOUT", WEBHOOK_TIMEOUT.toSeconds() + "s",
                "ROSTER_WEBHOOKS_RETRY_SCHEDULE", "1s, 1s, 1s, 1s, 1s",
                "ROSTER_WEBHOOKS_POLL_INTERVAL", "200ms");
    }

    /** Between polls of the receiver or the API: long enough not to load the server being waited for. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode fixture(String path) {
        try (InputStream in = WebhookCrashIT.class.getClassLoader().getResourceAsStream(path)) {
            return JsonClient.json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonClient operator(RosterProcess server) {
        return new JsonClient(server.baseUrl(), OPERATOR_KEY, "application/json");
    }

    private static void awaitTrue(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            pause();
        }
    }

    /**
     * Concurrent SCIM user creates as Okta sends them, each with a unique {@code externalId}: those answered 201
     * committed (their user ids), those answered with an error or whose connection was refused failed; a write
     * whose connection broke may or may not have committed. Every eighth write deliberately fails: its
     * {@code userName} is taken (409).
     */
    private static final class Burst {

        private static final String TAKEN = "taken@crash.example";

        private final String scimPath;
        private final String scimToken;
        private final String endpointId;
        private final WebhookReceiver receiver;
        private final Set<String> committedIds = ConcurrentHashMap.newKeySet();
        private final Set<String> failedMarkers = ConcurrentHashMap.newKeySet();
        private final AtomicInteger deliberateFailures = new AtomicInteger();
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private ExecutorService writers;
        private final List<Future<?>> writing = new ArrayList<>();

        private Burst(String scimPath, String scimToken, String endpointId, WebhookReceiver receiver) {
            this.scimPath = scimPath;
            this.scimToken = scimToken;
            this.endpointId = endpointId;
            this.receiver = receiver;
        }

        /** An Okta directory in a new organization, with an endpoint for its {@code user.created} events. */
        static Burst prepare(RosterProcess server, WebhookReceiver receiver) {
            JsonClient operator = operator(server);
            String organizationId = WebhookEndpoints.newOrganization(operator, "Crash test");
            HttpResponse directory = operator.post("/api/v1/organizations/" + organizationId + "/directories",
                    Map.of("provider", "okta", "name", "Okta"));
            assertThat(directory.status()).as(directory.toString()).isEqualTo(201);
            String endpointId = WebhookEndpoints.register(operator, receiver, Map.of("organizationId",
                    organizationId, "eventTypes", List.of("user.created")));
            Burst burst = new Burst(URI.create(directory.body().get("scimBaseUrl").asString()).getPath(),
                    directory.body().get("token").asString(), endpointId, receiver);
            HttpResponse taken = create(burst.scim(server), TAKEN, "taken");
            assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
            return burst;
        }

        JsonClient scim(RosterProcess server) {
            return new JsonClient(server.baseUrl() + scimPath, scimToken, "application/scim+json");
        }

        /** Writes from {@link #WRITERS} threads, spread over {@code servers}, until {@link #stop()}. */
        void start(List<RosterProcess> servers) {
            writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                JsonClient server = scim(servers.get(w % servers.size()));
                writing.add(writers.submit(() -> {
                    while (!stopping.get()) {
                        write(server, next.getAndIncrement());
                    }
                }));
            }
        }

        void awaitUnderWay() {
            awaitTrue(() -> committedIds.size() >= COMMITTED_BEFORE_KILL && receiver.received().size() >= 40,
                    Duration.ofSeconds(60), COMMITTED_BEFORE_KILL + " writes committed and 40 delivered");
        }

        /** Stops the writers, and fails if one of them failed other than as a client of a killed server does. */
        void stop() throws Exception {
            stopping.set(true);
            writers.shutdown();
            assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).as("writers stopped").isTrue();
            for (Future<?> writer : writing) {
                writer.get();
            }
        }

        private void write(JsonClient server, int i) {
            String marker = "write-" + i;
            boolean deliberatelyFailing = i % 8 == 7;
            try {
                HttpResponse response = create(server, deliberatelyFailing ? TAKEN : "w" + i + "@crash.example",
                        marker);
                if (response.status() == 201) {
                    committedIds.add(response.body().get("id").asString());
                } else {
                    failedMarkers.add(marker);
                    if (deliberatelyFailing && response.status() == 409) {
                        deliberateFailures.incrementAndGet();
                    }
                }
            } catch (UncheckedIOException e) {
                if (e.getCause() instanceof ConnectException) {
                    failedMarkers.add(marker);
                }
            }
        }

        private static HttpResponse create(JsonClient scim, String userName, String externalId) {
            ObjectNode user = (ObjectNode) OKTA_USER_CREATE.deepCopy();
            user.put("userName", userName).put("externalId", externalId);
            ((ObjectNode) user.get("emails").get(0)).put("value", userName);
            return scim.post("/Users", user);
        }

        private static String resourceId(Received request) {
            return request.event().get("data").get("id").asString();
        }

        void awaitEveryCommittedWriteDelivered(RosterProcess server) {
            Instant deadline = Instant.now().plus(REDELIVERY);
            Set<String> missing = missingEvents();
            while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
                pause();
                missing = missingEvents();
            }
            JsonClient scim = scim(server);
            Map<String, Integer> lookups = missing.stream().collect(Collectors.toMap(id -> id,
                    id -> scim.get("/Users/" + id).status()));
            assertThat(missing).as("committed writes without an event at the receiver, of %d (GET status of each"
                    + " after the kill: %s); %s", committedIds.size(), lookups, server.logTail()).isEmpty();
        }

        /** Waits until no delivery is pending any more: those the killed server held go once their lease ends. */
        void awaitEveryDeliveryDelivered(RosterProcess server) {
            JsonClient operator = operator(server);
            Instant deadline = Instant.now().plus(REDELIVERY);
            List<String> statuses = statuses(operator);
            while (!statuses.stream().allMatch("delivered"::equals) && Instant.now().isBefore(deadline)) {
                pause();
                statuses = statuses(operator);
            }
            assertThat(statuses).as("delivery statuses; %s", server.logTail()).containsOnly("delivered");
        }

        private List<String> statuses(JsonClient operator) {
            return WebhookEndpoints.deliveries(operator, endpointId).stream()
                    .map(delivery -> delivery.get("status").asString()).toList();
        }

        private Set<String> missingEvents() {
            Set<String> delivered = receiver.received().stream().map(Burst::resourceId).collect(Collectors.toSet());
            return committedIds.stream().filter(Predicate.not(delivered::contains))
                    .collect(Collectors.toSet());
        }

        void assertNoEventOfAFailedWrite() {
            assertThat(deliberateFailures.get()).as("writes that failed as meant to").isPositive();
            Set<String> delivered = receiver.received().stream()
                    .map(request -> request.event().get("data").get("externalId").asString())
                    .collect(Collectors.toSet());
            assertThat(delivered).as("markers of the delivered events").doesNotContainAnyElementsOf(failedMarkers);
        }

        /**
         * The delivered events that the receiver got more often than Roster recorded attempts, by how many: the
         * attempts lost with a killed instance, whose deliveries another instance or the restarted one sent again.
         */
        Map<String, Long> lostAttempts(JsonClient operator) {
            Map<String, Long> requests = receiver.received().stream()
                    .collect(Collectors.groupingBy(Received::webhookId, Collectors.counting()));
            Map<String, Long> lost = new HashMap<>();
            for (JsonNode delivery : WebhookEndpoints.deliveries(operator, endpointId)) {
                if (!delivery.get("status").asString().equals("delivered")) {
                    continue;
                }
                String eventId = delivery.get("eventId").asString();
                long missing = requests.getOrDefault(eventId, 0L) - delivery.get("attemptCount").asLong();
                if (missing > 0) {
                    lost.put(eventId, missing);
                }
            }
            return lost;
        }

        /** A write through the restarted server is delivered too. */
        void assertDeliveredAfterRestart(RosterProcess server) {
            HttpResponse created = create(scim(server), "after-restart@crash.example", "after-restart");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.body().get("id").asString();
            awaitTrue(() -> receiver.received().stream().anyMatch(r -> resourceId(r).equals(id)),
                    Duration.ofSeconds(30), "the event of a write after the restart");
        }
    }
}
