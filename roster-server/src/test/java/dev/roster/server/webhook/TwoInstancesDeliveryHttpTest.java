package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.RosterApplication;
import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import dev.roster.server.webhook.WebhookReceiver.Received;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two Roster instances on one database share webhook delivery: every event is sent once, and both send. They get a
 * database of their own (an H2 in-memory database, or a schema of the suite's PostgreSQL database) so that the
 * other test classes' cached instances, whose senders run too, take no part.
 */
class TwoInstancesDeliveryHttpTest {

    private static final int EVENTS = 400;
    private static final String SCHEMA = "two_instances_delivery";

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnADatabaseOfTheirOwn() throws SQLException {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                // the burst's requests are held longer than the test profile allows before they count as failed
                "--roster.webhooks.timeout=60s"));
        arguments.addAll(databaseOfTheirOwn());
        first = start(arguments);
        second = start(arguments);
    }

    @AfterAll
    static void stopInstances() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    @Test
    void burstOfEventsWhenBothInstancesSendThenEveryEventIsDeliveredExactlyOnceAndBothInstancesSent()
            throws Exception {
        JsonClient[] instances = {operator(first), operator(second)};
        String organizationId = WebhookEndpoints.newOrganization(instances[0], "Two instances");
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String endpointId = WebhookEndpoints.register(instances[0], receiver,
                    Map.of("organizationId", organizationId));
            receiver.holdAnswers();

            List<String> memberIds = createMembers(instances, organizationId, EVENTS);
            // one instance has at most MAX_IN_FLIGHT requests out, so more held at once means both are sending
            int mostHeld = awaitHeld(receiver, WebhookSender.MAX_IN_FLIGHT + 1);
            receiver.answer();
            awaitDelivered(instances[1], endpointId, EVENTS);

            assertThat(mostHeld).as("requests in flight at once, of at most %d per instance",
                    WebhookSender.MAX_IN_FLIGHT).isGreaterThan(WebhookSender.MAX_IN_FLIGHT);
            Map<String, Long> requestsPerEvent = receiver.received().stream()
                    .collect(Collectors.groupingBy(Received::webhookId, Collectors.counting()));
            assertThat(requestsPerEvent).hasSize(EVENTS).allSatisfy((eventId, requests) ->
                    assertThat(requests).as("requests for event %s", eventId).isOne());
            assertThat(receiver.received()).extracting(r -> r.event().get("data").get("id").asString())
                    .containsExactlyInAnyOrderElementsOf(memberIds);
            assertThat(WebhookEndpoints.deliveries(instances[0], endpointId))
                    .allSatisfy(delivery -> assertThat(delivery.get("attemptCount").asInt()).isOne());
            assertThat(receiver.rejections()).isEmpty();
        }
    }

    /** Creates members through both instances in turn, {@code count} in all; their ids. */
    private static List<String> createMembers(JsonClient[] instances, String organizationId, int count)
            throws Exception {
        List<Callable<String>> creates = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonClient instance = instances[i % instances.length];
            String email = "member" + i + "@two-instances.example";
            creates.add(() -> {
                HttpResponse created = instance.post("/api/v1/organizations/" + organizationId + "/members",
                        Map.of("email", email));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                return created.body().get("id").asString();
            });
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<String> ids = new ArrayList<>();
            for (Future<String> id : writers.invokeAll(creates)) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            writers.shutdownNow();
        }
    }

    /** Waits, for a while, until {@code wanted} requests are held at once; the most that were. */
    private static int awaitHeld(WebhookReceiver receiver, int wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int most = 0;
        while (most < wanted && Instant.now().isBefore(deadline)) {
            most = Math.max(most, receiver.heldIds().size());
            WebhookReceiver.pause();
        }
        return most;
    }

    private static void awaitDelivered(JsonClient operator, String endpointId, int count) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<JsonNode> deliveries = WebhookEndpoints.deliveries(operator, endpointId);
        while (!allDelivered(deliveries, count) && Instant.now().isBefore(deadline)) {
            WebhookReceiver.pause();
            deliveries = WebhookEndpoints.deliveries(operator, endpointId);
        }
        assertThat(deliveries).extracting(d -> d.get("status").asString())
                .hasSize(count).containsOnly("delivered");
    }

    private static boolean allDelivered(List<JsonNode> deliveries, int count) {
        return deliveries.size() == count
                && deliveries.stream().allMatch(d -> d.get("status").asString().equals("delivered"));
    }

    private static ConfigurableApplicationContext start(List<String> arguments) {
        return new SpringApplicationBuilder(RosterApplication.class).profiles("test")
                .run(arguments.toArray(String[]::new));
    }

    private static JsonClient operator(ConfigurableApplicationContext instance) {
        int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
        return new JsonClient("http://localhost:" + port, RosterHttpTest.OPERATOR_KEY, "application/json");
    }

    /**
     * Arguments (which outrank SPRING_DATASOURCE_URL) that point both instances at a new H2 in-memory database, or
     * at a freshly made schema of the PostgreSQL database the suite runs on.
     */
    private static List<String> databaseOfTheirOwn() throws SQLException {
        String suiteUrl = System.getenv("SPRING_DATASOURCE_URL");
        if (suiteUrl == null || !suiteUrl.startsWith("jdbc:postgresql:")) {
            return List.of("--spring.datasource.url=jdbc:h2:mem:two-instances-" + UUID.randomUUID());
        }
        try (Connection connection = DriverManager.getConnection(suiteUrl,
                System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
             Statement statement = connection.createStatement()) {
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
        String separator = suiteUrl.contains("?") ? "&" : "?";
        return List.of("--spring.datasource.url=" + suiteUrl + separator + "currentSchema=" + SCHEMA,
                "--spring.flyway.schemas=" + SCHEMA);
    }
}
