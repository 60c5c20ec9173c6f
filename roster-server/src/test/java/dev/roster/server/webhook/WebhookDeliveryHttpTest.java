package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.RosterHttpTest;
import dev.roster.server.webhook.WebhookReceiver.Received;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Webhook endpoints and delivery, as an application's receiver sees them: signed, retried, in order per resource. */
class WebhookDeliveryHttpTest extends RosterHttpTest {

    private static final String ENDPOINTS = "/api/v1/webhook-endpoints";

    private WebhookReceiver receiver;
    private final List<String> endpointIds = new ArrayList<>();

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void deleteEndpointsAndStopReceiver() {
        endpointIds.forEach(id -> operator().delete(ENDPOINTS + "/" + id));
        receiver.close();
        assertThat(receiver.rejections()).as("requests the Standard Webhooks library rejected").isEmpty();
    }

    @Test
    void deliveryWhenEndpointRegisteredThenSignedEventVerifiesAndSecretIsShownOnlyOnCreate() {
        String organizationId = newOrganization();
        JsonNode created = registerFor(receiver, Map.of("organizationId", organizationId));
        String secret = created.get("secret").asString();
        String id = created.get("id").asString();

        String memberId = createMember(organizationId, "ada@acme.example");
        Received request = receiver.await(1).getFirst();

        assertThat(id).startsWith("whe_");
        assertThat(secret).startsWith("whsec_");
        assertThat(created.get("eventTypes").isNull()).isTrue();
        assertThat(created.get("enabled").asBoolean()).isTrue();
        JsonNode event = events(organizationId).getFirst();
        assertThat(request.event()).isEqualTo(event);
        assertThat(request.event().get("data").get("id").asString()).isEqualTo(memberId);
        assertThat(request.header("content-type")).isEqualTo("application/json");
        assertThat(request.header("webhook-id")).isEqualTo(event.get("id").asString());
        assertThat(receiver.rejections()).isEmpty();
        assertThat(operator().get(ENDPOINTS + "/" + id).body().get("secret").isNull()).isTrue();
        assertThat(operator().get(ENDPOINTS + "?limit=1000").toString()).contains(id).doesNotContain(secret);
    }

    @Test
    void verificationWhenBodyTamperedOrSecretWrongThenStandardWebhooksLibraryRejects() throws Exception {
        String organizationId = newOrganization();
        String secret = registerFor(receiver, Map.of("organizationId", organizationId)).get("secret").asString();
        createMember(organizationId, "ada@acme.example");
        Received request = receiver.await(1).getFirst();
        Map<String, List<String>> headers = new HashMap<>();
        request.headers().forEach((name, value) -> headers.put(name, List.of(value)));
        String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

        new Webhook(secret).verify(request.body(), headers);
        assertThatThrownBy(() -> new Webhook(secret).verify(request.body().replace("ada@", "eve@"), headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(otherSecret).verify(request.body(), headers))
                .isInstanceOf(WebhookVerificationException.class);
        try (WebhookReceiver misconfigured = WebhookReceiver.start()) {
            String endpointId = register(Map.of("url", misconfigured.url(), "organizationId", organizationId))
                    .body().get("id").asString();
            misconfigured.verifyWith(otherSecret);

            createMember(organizationId, "eve@acme.example");

            JsonNode rejected = awaitDeliveries(endpointId, all -> !all.getFirst().get("attempts").isEmpty())
                    .getFirst();
            assertThat(rejected.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(401);
            assertThat(misconfigured.rejections()).first().asString().contains("signature");
            assertThat(misconfigured.received()).isEmpty();
        }
    }

    @Test
    void fanOutWhenEventsOfOtherOrganizationsAndTypesThenOnlyMatchingEventsAreSent() {
        String organizationId = newOrganization();
        String otherOrganizationId = newOrganization();
        String endpointId = registerFor(receiver, Map.of("organizationId", organizationId,
                "eventTypes", List.of("member.role_changed"))).get("id").asString();

        String otherMemberId = createMember(otherOrganizationId, "other@acme.example");
        promote(otherOrganizationId, otherMemberId);
        String memberId = createMember(organizationId, "ada@acme.example");
        promote(organizationId, memberId);
        receiver.await(1);

        // fan-out follows positions, so every earlier event has been considered once the last one arrived
        assertThat(receiver.received()).extracting(r -> r.event().get("type").asString())
                .containsExactly("member.role_changed");
        assertThat(receiver.received().getFirst().event().get("organizationId").asString()).isEqualTo(organizationId);
        assertThat(deliveries(endpointId)).hasSize(1);
    }

    @Test
    void deliveryWhenReceiverFailsTwiceThenThirdAttemptDeliversAndEveryAttemptIsRecorded() {
        String organizationId = newOrganization();
        String endpointId = registerFor(receiver, Map.of("organizationId", organizationId)).get("id").asString();
        receiver.failFirst(2, request -> true);

        createMember(organizationId, "ada@acme.example");
        List<Received> requests = receiver.await(3);

        assertThat(requests).extracting(r -> r.header("webhook-id")).hasSize(3).containsOnly(
                requests.getFirst().header("webhook-id"));
        JsonNode delivery = awaitDeliveries(endpointId,
                all -> all.getFirst().get("status").asString().equals("delivered")).getFirst();
        assertThat(delivery.get("eventId").asString()).isEqualTo(requests.getFirst().header("webhook-id"));
        assertThat(delivery.get("eventType").asString()).isEqualTo("member.created");
        assertThat(delivery.get("attemptCount").asInt()).isEqualTo(3);
        assertThat(delivery.get("attempts")).extracting(a -> a.get("httpStatus").asInt())
                .containsExactly(500, 500, 204);
        delivery.get("attempts").forEach(attempt -> {
            assertThat(attempt.get("attemptedAt").isString()).isTrue();
            assertThat(attempt.get("durationMs").asLong()).isNotNegative();
        });
    }

    @Test
    void orderWhenEarlierEventAboutResourceFailsThenLaterEventWaitsAndOtherResourcesGoOn() {
        String organizationId = newOrganization();
        String endpointId = registerFor(receiver, Map.of("organizationId", organizationId)).get("id").asString();
        receiver.failFirst(3, request -> request.event().get("data").get("email").asString().equals("a@acme.example"));

        String first = createMember(organizationId, "a@acme.example");
        promote(organizationId, first);
        String second = createMember(organizationId, "b@acme.example");
        receiver.await(6);

        List<String> aboutFirst = receiver.received().stream()
                .filter(r -> r.event().get("data").get("id").asString().equals(first))
                .map(r -> r.event().get("type").asString()).toList();
        assertThat(aboutFirst).containsExactly("member.created", "member.created", "member.created",
                "member.created", "member.role_changed");
        assertThat(receiver.received()).anyMatch(r -> r.event().get("data").get("id").asString().equals(second));
        assertThat(awaitDeliveries(endpointId, all -> all.stream()
                .allMatch(d -> d.get("status").asString().equals("delivered")))).hasSize(3);
    }

    @Test
    void deliveryWhenAnotherEndpointIsSlowThenItIsNotHeldUp() {
        String organizationId = newOrganization();
        try (WebhookReceiver slow = WebhookReceiver.start()) {
            registerFor(slow, Map.of("organizationId", organizationId));
            registerFor(receiver, Map.of("organizationId", organizationId));
            slow.holdAnswers();

            createMember(organizationId, "first@acme.example");
            slow.await(1);
            String second = createMember(organizationId, "second@acme.example");
            // well within the 10 s the slow request may take: the fast endpoint's delivery does not wait for it
            List<Received> fast = receiver.await(2, Duration.ofSeconds(5));

            assertThat(fast.get(1).event().get("data").get("id").asString()).isEqualTo(second);
            assertThat(slow.answered()).isZero();
            assertThat(slow.rejections()).isEmpty();
        }
    }

    @Test
    void endpointWhenEveryAttemptFailsForDisableAfterThenDisabledWithReasonUntilEnabledAgain() {
        String organizationId = newOrganization();
        String endpointId = registerFor(receiver, Map.of("organizationId", organizationId)).get("id").asString();
        String path = ENDPOINTS + "/" + endpointId;
        receiver.failFirst(Integer.MAX_VALUE, request -> true);

        // keep failing attempts coming until the 2 s of the test profile's disable-after have passed
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        int members = 0;
        JsonNode endpoint = operator().get(path).body();
        while (endpoint.get("enabled").asBoolean() && Instant.now().isBefore(deadline)) {
            if (receiver.received().size() >= members) {
                createMember(organizationId, "member" + members++ + "@acme.example");
            }
            WebhookReceiver.pause();
            endpoint = operator().get(path).body();
        }

        assertThat(endpoint.get("enabled").asBoolean()).isFalse();
        assertThat(endpoint.get("disabledAt").isString()).isTrue();
        assertThat(endpoint.get("disabledReason").asString()).contains("failed for 2s").contains("HTTP 500");
        assertThat(deliveries(endpointId)).extracting(d -> d.get("status").asString()).contains("paused");

        receiver.failFirst(0, request -> false);
        JsonNode enabled = operator().patch(path, Map.of("enabled", true)).body();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabledAt").isNull()).isTrue();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(awaitDeliveries(endpointId, all -> all.stream().map(d -> d.get("status").asString())
                .noneMatch(status -> status.equals("pending") || status.equals("paused"))))
                .extracting(d -> d.get("status").asString()).contains("delivered");
    }

    @Test
    void resendWhenEventAlreadyDeliveredThenANewDeliverySendsItAgain() {
        String organizationId = newOrganization();
        String endpointId = registerFor(receiver, Map.of("organizationId", organizationId)).get("id").asString();
        createMember(organizationId, "ada@acme.example");
        String eventId = receiver.await(1).getFirst().header("webhook-id");

        HttpResponse resent = operator().post(ENDPOINTS + "/" + endpointId + "/deliveries", Map.of("eventId", eventId));
        List<Received> requests = receiver.await(2);

        assertThat(resent.status()).as(resent.toString()).isEqualTo(201);
        assertThat(resent.body().get("eventId").asString()).isEqualTo(eventId);
        assertThat(requests).extracting(r -> r.header("webhook-id")).containsExactly(eventId, eventId);
        assertThat(deliveries(endpointId)).hasSize(2);
        assertThat(operator().post(ENDPOINTS + "/" + endpointId + "/deliveries", Map.of("eventId", "evt_unknown"))
                .status()).isEqualTo(404);
        assertThat(operator().post(ENDPOINTS + "/" + endpointId + "/deliveries", Map.of()).body().get("detail")
                .asString()).contains("'eventId'");
    }

    @Test
    void managementWhenInputIsBadThen400NamingTheFieldAndPatchAndDeleteWork() {
        assertThat(register(Map.of("url", receiver.url(), "eventTypes", List.of("user.teleported"))))
                .satisfies(r -> assertBadRequestNaming(r, "eventTypes"));
        assertThat(register(Map.of("url", "ftp://127.0.0.1/hooks"))).satisfies(r -> assertBadRequestNaming(r, "url"));
        assertThat(register(Map.of("eventTypes", List.of()))).satisfies(r -> assertBadRequestNaming(r, "url"));
        assertThat(register(Map.of("url", receiver.url(), "organizationId", "org_unknown")))
                .satisfies(r -> assertBadRequestNaming(r, "organizationId"));

        String id = registerFor(receiver, Map.of()).get("id").asString();
        HttpResponse patched = operator().patch(ENDPOINTS + "/" + id,
                Map.of("enabled", false, "eventTypes", List.of("member.created")));
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.body().get("enabled").asBoolean()).isFalse();
        assertThat(patched.body().get("disabledAt").isString()).isTrue();
        assertThat(patched.body().get("disabledReason").asString()).contains("management API");
        assertThat(patched.body().get("eventTypes")).extracting(JsonNode::asString).containsExactly("member.created");
        assertThat(operator().delete(ENDPOINTS + "/" + id).status()).isEqualTo(204);
        assertThat(operator().get(ENDPOINTS + "/" + id).status()).isEqualTo(404);
    }

    private void assertBadRequestNaming(HttpResponse response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("detail").asString()).contains("'" + field + "'");
    }

    /** Registers an endpoint for {@code target} and gives it the secret to verify deliveries with. */
    private JsonNode registerFor(WebhookReceiver target, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("url", target.url());
        HttpResponse created = register(body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        target.verifyWith(created.body().get("secret").asString());
        return created.body();
    }

    private HttpResponse register(Map<String, Object> body) {
        HttpResponse response = operator().post(ENDPOINTS, body);
        if (response.status() == 201) {
            endpointIds.add(response.body().get("id").asString());
        }
        return response;
    }

    private String newOrganization() {
        return operator().post("/api/v1/organizations", Map.of("name", "Webhooks")).body().get("id").asString();
    }

    private String createMember(String organizationId, String email) {
        HttpResponse created = operator().post("/api/v1/organizations/" + organizationId + "/members",
                Map.of("email", email));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private void promote(String organizationId, String memberId) {
        assertThat(operator().patch("/api/v1/organizations/" + organizationId + "/members/" + memberId,
                Map.of("role", "admin")).status()).isEqualTo(200);
    }

    private List<JsonNode> events(String organizationId) {
        List<JsonNode> events = new ArrayList<>();
        operator().get("/api/v1/events?organizationId=" + organizationId).body().get("data").forEach(events::add);
        return events;
    }

    private List<JsonNode> deliveries(String endpointId) {
        HttpResponse page = operator().get(ENDPOINTS + "/" + endpointId + "/deliveries?limit=100");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        page.body().get("data").forEach(deliveries::add);
        return deliveries;
    }

    /** The endpoint's deliveries once {@code condition} holds for a non-empty list of them. */
    private List<JsonNode> awaitDeliveries(String endpointId, Predicate<List<JsonNode>> condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            List<JsonNode> deliveries = deliveries(endpointId);
            if (!deliveries.isEmpty() && condition.test(deliveries)) {
                return deliveries;
            }
            WebhookReceiver.pause();
        }
        throw new AssertionError("deliveries of endpoint " + endpointId + " never matched: " + deliveries(endpointId));
    }
}
