package dev.roster.server.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The webhook endpoints API as an application calls it, for tests that run servers of their own. */
final class WebhookEndpoints {

    static final String PATH = "/api/v1/webhook-endpoints";

    private WebhookEndpoints() {
    }

    /** Registers an endpoint for {@code receiver}, gives the receiver its secret, and returns the endpoint's id. */
    static String register(JsonClient operator, WebhookReceiver receiver, Map<String, Object> fields) {
        Map<String, Object> body = new HashMap<>(fields);
        body.put("url", receiver.url());
        HttpResponse created = operator.post(PATH, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        receiver.verifyWith(created.body().get("secret").asString());
        return created.body().get("id").asString();
    }

    /** Every delivery of the endpoint, oldest first, following the cursor through all pages. */
    static List<JsonNode> deliveries(JsonClient operator, String endpointId) {
        List<JsonNode> deliveries = new ArrayList<>();
        String query = "?limit=1000";
        while (query != null) {
            HttpResponse page = operator.get(PATH + "/" + endpointId + "/deliveries" + query);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("data").forEach(deliveries::add);
            JsonNode next = page.body().get("nextCursor");
            query = next.isNull() ? null : "?limit=1000&after=" + next.asString();
        }
        return deliveries;
    }

    /** The organization's id, made with {@code name}. */
    static String newOrganization(JsonClient operator, String name) {
        HttpResponse organization = operator.post("/api/v1/organizations", Map.of("name", name));
        assertThat(organization.status()).as(organization.toString()).isEqualTo(201);
        return organization.body().get("id").asString();
    }
}
