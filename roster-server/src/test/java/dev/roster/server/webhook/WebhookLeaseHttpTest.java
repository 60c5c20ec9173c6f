package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.RosterHttpTest;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Leases: an attempt that outlasts its claim's lease records itself but leaves the delivery to the new claim. */
class WebhookLeaseHttpTest extends RosterHttpTest {

    private static final String ENDPOINTS = WebhookEndpoints.PATH;
    private static final long ANOTHER_CLAIM = 42;

    @Autowired
    private DSLContext db;

    private WebhookReceiver receiver;
    private String endpointId;

    @BeforeEach
    void startReceiver() {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void deleteEndpointAndStopReceiver() {
        if (endpointId != null) {
            operator().delete(ENDPOINTS + "/" + endpointId);
        }
        receiver.close();
    }

    @Test
    void recordWhenAnotherClaimTookTheDeliveryDuringTheAttemptThenTheAttemptIsListedAndTheDeliveryLeftPending() {
        String organizationId = WebhookEndpoints.newOrganization(operator(), "Leases");
        endpointId = WebhookEndpoints.register(operator(), receiver, Map.of("organizationId", organizationId));
        receiver.holdAnswers();
        HttpResponse member = operator().post("/api/v1/organizations/" + organizationId + "/members",
                Map.of("email", "ada@acme.example"));
        assertThat(member.status()).as(member.toString()).isEqualTo(201);
        receiver.await(1);
        String deliveryId = deliveries().get("data").get(0).get("id").asString();

        // what another instance does once the lease has run out: claim the delivery again, under a token of its own
        db.update(table(name("webhook_deliveries")))
                .set(field(name("claim_token"), Long.class), ANOTHER_CLAIM)
                .set(field(name("next_attempt_at"), OffsetDateTime.class), OffsetDateTime.now().plusHours(1))
                .where(field(name("id"), String.class).eq(deliveryId))
                .execute();
        receiver.answer();
        JsonNode delivery = awaitFirstAttempt();

        assertThat(delivery.get("attempts")).extracting(attempt -> attempt.get("httpStatus").asInt())
                .containsExactly(204);
        assertThat(delivery.get("status").asString()).isEqualTo("pending");
        assertThat(delivery.get("attemptCount").asInt()).isZero();
        assertThat(db.select(field(name("claim_token"), Long.class)).from(table(name("webhook_deliveries")))
                .where(field(name("id"), String.class).eq(deliveryId)).fetchOne().value1()).isEqualTo(ANOTHER_CLAIM);
    }

    private JsonNode deliveries() {
        HttpResponse page = operator().get(ENDPOINTS + "/" + endpointId + "/deliveries");
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.body();
    }

    private JsonNode awaitFirstAttempt() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!deliveries().get("data").get(0).get("attempts").isEmpty()) {
                // read again: the listing reads deliveries before their attempts, so it may straddle a commit
                return deliveries().get("data").get(0);
            }
            WebhookReceiver.pause();
        }
        throw new AssertionError("no attempt was recorded: " + deliveries());
    }
}
