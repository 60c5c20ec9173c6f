package dev.roster.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the Okta and Entra replays share: fixture binding, the query encodings each client uses, SCIM assertions. */
final class ProvisioningReplay {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ProvisioningReplay() {
    }

    /** A fixture's text with every {@code {{name}}} replaced by its value, parsed as JSON. */
    static JsonNode bind(String fixtureText, Map<String, String> values) {
        String text = fixtureText;
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{{" + value.getKey() + "}}", value.getValue());
        }
        assertThat(text).as("unbound placeholder").doesNotContain("{{");
        return JsonClient.json(text);
    }

    /** A filter as Okta encodes it: spaces as %20, quotes as %22. */
    static String percentEncoded(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A filter as Entra's provisioning service encodes it: form encoding, spaces as '+'. */
    static String formEncoded(String filter) {
        return URLEncoder.encode(filter, StandardCharsets.UTF_8);
    }

    /** A 200 SCIM ListResponse holding {@code totalResults} resources in all; returns its body. */
    static JsonNode assertListResponse(HttpResponse response, int totalResults) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(RosterHttpTest.SCIM_JSON);
        JsonNode body = response.body();
        assertThat(body.get("schemas").get(0).asString()).isEqualTo(LIST_RESPONSE);
        assertThat(body.get("totalResults").isNumber()).as(response.toString()).isTrue();
        assertThat(body.get("totalResults").asInt()).as(response.toString()).isEqualTo(totalResults);
        assertThat(body.get("itemsPerPage").isNumber()).isTrue();
        assertThat(body.get("startIndex").isNumber()).isTrue();
        assertThat(body.get("Resources").isArray()).as("Resources is an array, even when empty").isTrue();
        return body;
    }

    /** A SCIM error (RFC 7644 §3.12): the error schema, status as a string, and the SCIM media type. */
    static void assertScimError(HttpResponse response, int status, String scimType) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith(RosterHttpTest.SCIM_JSON);
        JsonNode body = response.body();
        assertThat(body.get("schemas").get(0).asString()).isEqualTo(ERROR);
        assertThat(body.get("status").isString()).as("status is a JSON string").isTrue();
        assertThat(body.get("status").asString()).isEqualTo(Integer.toString(status));
        if (scimType != null) {
            assertThat(body.path("scimType").asString()).as(response.toString()).isEqualTo(scimType);
        }
        assertThat(body.get("detail").asString()).isNotBlank();
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("Resources").forEach(resource -> ids.add(resource.get("id").asString()));
        return ids;
    }
}
