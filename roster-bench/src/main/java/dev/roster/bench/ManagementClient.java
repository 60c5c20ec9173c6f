package dev.roster.bench;

import java.io.IOException;
import java.net.URI;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of Roster's management API the benchmark needs: a fresh organization with an Okta directory, and a
 * webhook endpoint for every organization's events.
 */
final class ManagementClient {

    private static final String MEDIA_TYPE = "application/json";

    private final JsonHttp http;
    private final URI serverUrl;
    private final String operatorKey;

    ManagementClient(JsonHttp http, URI serverUrl, String operatorKey) {
        this.http = http;
        this.serverUrl = serverUrl;
        this.operatorKey = operatorKey;
    }

    ScimDirectory createOktaDirectory(String organizationName) throws IOException, InterruptedException {
        ObjectNode organization = http.mapper().createObjectNode().put("name", organizationName);
        String organizationId = required(post("/api/v1/organizations", organization), "id");

        ObjectNode directory = http.mapper().createObjectNode().put("provider", "okta").put("name", "Okta");
        JsonNode created = post("/api/v1/organizations/" + organizationId + "/directories", directory);
        // scimBaseUrl may be absolute (the usual case) or relative to the server; resolve() handles both.
        URI scimBaseUrl = serverUrl.resolve(required(created, "scimBaseUrl"));
        return new ScimDirectory(organizationId, required(created, "id"), scimBaseUrl, required(created, "token"));
    }

    /** A webhook endpoint registered without an organization: it receives every organization's events. */
    record WebhookEndpoint(String id, String secret) {}

    WebhookEndpoint registerWebhookEndpoint(String url) throws IOException, InterruptedException {
        JsonNode endpoint = post("/api/v1/webhook-endpoints", http.mapper().createObjectNode().put("url", url));
        return new WebhookEndpoint(required(endpoint, "id"), required(endpoint, "secret"));
    }

    void deleteWebhookEndpoint(String id) throws IOException, InterruptedException {
        Exchange exchange = http.delete(URI.create(serverUrl + "/api/v1/webhook-endpoints/" + id), operatorKey,
                MEDIA_TYPE);
        if (!exchange.succeeded()) {
            throw new IOException("DELETE /api/v1/webhook-endpoints/" + id + " failed: " + exchange.problem());
        }
    }

    private static String required(JsonNode response, String field) throws IOException {
        JsonNode value = response.path(field);
        if (!value.isString() || value.stringValue().isEmpty()) {
            throw new IOException("management API response has no '" + field + "': " + response);
        }
        return value.stringValue();
    }

    private JsonNode post(String path, ObjectNode body) throws IOException, InterruptedException {
        Exchange exchange = http.send("POST", URI.create(serverUrl + path), operatorKey, MEDIA_TYPE, body);
        if (!exchange.succeeded()) {
            throw new IOException("POST " + path + " failed: " + exchange.problem());
        }
        return http.parse(exchange);
    }
}
