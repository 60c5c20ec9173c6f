package dev.roster.server.directory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DirectoryManagementHttpTest extends RosterHttpTest {

    @Test
    void createOrganizationWhenNameGivenThenReturnsPrefixedId() {
        HttpResponse created = operator().post("/api/v1/organizations", Map.of("name", "Acme"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("id").asString()).startsWith("org_");
        assertThat(created.body().get("name").asString()).isEqualTo("Acme");
        assertThat(operator().get("/api/v1/organizations/" + created.body().get("id").asString()).status())
                .isEqualTo(200);
    }

    @Test
    void createOrganizationWhenNameMissingThenProblemDetail() {
        HttpResponse response = operator().post("/api/v1/organizations", Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).contains("name");
    }

    @Test
    void managementApiWhenOperatorKeyMissingOrWrongThenUnauthorized() {
        JsonClient wrongKey = new JsonClient(baseUrl(), "not-the-key", "application/json");

        assertThat(anonymous().get("/api/v1/organizations").status()).isEqualTo(401);
        HttpResponse response = wrongKey.post("/api/v1/organizations", Map.of("name", "Nope"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void createDirectoryThenScimBaseUrlAndTokenShownOnlyOnce() {
        ScimDirectory directory = newDirectory("okta");

        assertThat(directory.id()).startsWith("dir_");
        assertThat(directory.scimBaseUrl()).isEqualTo(baseUrl() + "/scim/v2/" + directory.id());
        assertThat(directory.token()).startsWith("roster_scim_").hasSize("roster_scim_".length() + 43);

        JsonNode fetched = operator().get("/api/v1/directories/" + directory.id()).body();
        assertThat(fetched.get("scimBaseUrl").asString()).isEqualTo(directory.scimBaseUrl());
        assertThat(fetched.toString()).doesNotContain(directory.token());
        JsonNode tokens = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body().get("data");
        assertThat(tokens).hasSize(1);
        assertThat(tokens.get(0).toString()).doesNotContain(directory.token());
        assertThat(tokens.get(0).get("hint").asString()).startsWith("roster_scim_");
    }

    @Test
    void createDirectoryWhenProviderUnknownThenBadRequest() {
        String organizationId = operator().post("/api/v1/organizations", Map.of("name", "Acme")).body()
                .get("id").asString();

        HttpResponse response = operator().post("/api/v1/organizations/" + organizationId + "/directories",
                Map.of("provider", "myspace", "name", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("detail").asString()).contains("okta");
    }

    @Test
    void createDirectoryWhenOrganizationUnknownThenNotFound() {
        HttpResponse response = operator().post("/api/v1/organizations/org_missing/directories",
                Map.of("provider", "okta", "name", "x"));

        assertThat(response.status()).isEqualTo(404);
    }

    @Test
    void rotateTokensThenBothWorkUntilOneIsRevoked() {
        ScimDirectory directory = newDirectory("entra");
        HttpResponse issued = operator().post("/api/v1/directories/" + directory.id() + "/tokens", null);
        assertThat(issued.status()).isEqualTo(201);
        String secondToken = issued.body().get("token").asString();
        assertThat(secondToken).startsWith("roster_scim_").isNotEqualTo(directory.token());

        JsonClient first = scim(directory);
        JsonClient second = new JsonClient(directory.scimBaseUrl(), secondToken, SCIM_JSON);
        assertThat(first.get("/Users").status()).isEqualTo(200);
        assertThat(second.get("/Users").status()).isEqualTo(200);

        String firstTokenId = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body()
                .get("data").get(0).get("id").asString();
        assertThat(operator().delete("/api/v1/directories/" + directory.id() + "/tokens/" + firstTokenId).status())
                .isEqualTo(204);

        assertThat(first.get("/Users").status()).isEqualTo(401);
        assertThat(second.get("/Users").status()).isEqualTo(200);
        JsonNode tokens = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body().get("data");
        assertThat(tokens.get(0).get("revokedAt").isNull()).isFalse();
        assertThat(tokens.get(1).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void revokeTokenWhenTokenOfAnotherDirectoryThenNotFound() {
        ScimDirectory mine = newDirectory("okta");
        ScimDirectory other = newDirectory("okta");
        String otherTokenId = operator().get("/api/v1/directories/" + other.id() + "/tokens").body()
                .get("data").get(0).get("id").asString();

        assertThat(operator().delete("/api/v1/directories/" + mine.id() + "/tokens/" + otherTokenId).status())
                .isEqualTo(404);
        assertThat(scim(other).get("/Users").status()).isEqualTo(200);
    }

    @Test
    void openApiDocumentDescribesTheManagementApi() {
        HttpResponse response = anonymous().get("/api/v1/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode paths = response.body().get("paths");
        assertThat(paths.has("/api/v1/organizations")).isTrue();
        assertThat(paths.has("/api/v1/organizations/{organizationId}/directories")).isTrue();
        assertThat(paths.has("/api/v1/directories/{directoryId}/tokens/{tokenId}")).isTrue();
    }

    @Test
    void listOrganizationsPagesByCursorWithoutRepeatsOrGaps() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(operator().post("/api/v1/organizations", Map.of("name", "Paged " + i)).body()
                    .get("id").asString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = operator().get("/api/v1/organizations?limit=2" + (cursor == null ? "" : "&after=" + cursor))
                    .body();
            assertThat(page.get("data").size()).isLessThanOrEqualTo(2);
            page.get("data").forEach(organization -> seen.add(organization.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).doesNotHaveDuplicates().containsAll(created).isSorted();
    }
}
