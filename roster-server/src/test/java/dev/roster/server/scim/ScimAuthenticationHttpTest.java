package dev.roster.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ScimAuthenticationHttpTest extends RosterHttpTest {

    private static final List<String> ENDPOINTS = List.of("/Users", "/Users/some-id", "/ServiceProviderConfig",
            "/Schemas", "/ResourceTypes");

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic dXNlcjpwYXNz", "Bearer", "Bearer not-a-roster-token",
            "Bearer roster_scim_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void everyEndpointWhenTokenMissingOrInvalidThenScimUnauthorized(String authorization) {
        ScimDirectory directory = newDirectory("okta");
        JsonClient client = new JsonClient(directory.scimBaseUrl(), null, SCIM_JSON);
        if (!authorization.isEmpty()) {
            client = client.withHeader("Authorization", authorization);
        }
        for (String endpoint : ENDPOINTS) {
            assertUnauthorized(client.get(endpoint));
        }
        assertUnauthorized(client.post("/Users", Map.of("userName", "x")));
    }

    @Test
    void requestWhenTokenOfAnotherDirectoryThenUnauthorizedAndNothingRead() {
        ScimDirectory victim = newDirectory("okta");
        ScimDirectory attacker = newDirectory("okta");
        String victimUserId = scim(victim).post("/Users", Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", "secret@victim.example"))
                .body().get("id").asString();

        JsonClient crossTenant = new JsonClient(victim.scimBaseUrl(), attacker.token(), SCIM_JSON);

        assertUnauthorized(crossTenant.get("/Users"));
        assertUnauthorized(crossTenant.get("/Users/" + victimUserId));
        assertUnauthorized(crossTenant.delete("/Users/" + victimUserId));
        assertThat(scim(attacker).get("/Users/" + victimUserId).status()).isEqualTo(404);
        assertThat(scim(victim).get("/Users/" + victimUserId).status()).isEqualTo(200);
    }

    @Test
    void requestWithoutDirectoryInPathThenDirectoryResolvedFromToken() {
        ScimDirectory directory = newDirectory("okta");
        String id = scim(directory).post("/Users", Map.of(
                "schemas", List.of("urn:ietf:params:scim:schemas:core:2.0:User"), "userName", "one@acme.example"))
                .body().get("id").asString();

        JsonClient shared = new JsonClient(baseUrl() + "/scim/v2", directory.token(), SCIM_JSON);

        HttpResponse list = shared.get("/Users");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().get("totalResults").asLong()).isEqualTo(1);
        assertThat(shared.get("/Users/" + id).body().get("userName").asString()).isEqualTo("one@acme.example");
    }

    @Test
    void revokedTokenThenUnauthorized() {
        ScimDirectory directory = newDirectory("okta");
        String tokenId = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body()
                .get("data").get(0).get("id").asString();
        operator().delete("/api/v1/directories/" + directory.id() + "/tokens/" + tokenId);

        assertUnauthorized(scim(directory).get("/Users"));
    }

    private static void assertUnauthorized(HttpResponse response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.contentType()).startsWith(SCIM_JSON);
        assertThat(response.body().get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.body().get("status").asString()).isEqualTo("401");
    }
}
