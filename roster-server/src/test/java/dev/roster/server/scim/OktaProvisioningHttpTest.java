package dev.roster.server.scim;

import static dev.roster.server.scim.ProvisioningReplay.assertListResponse;
import static dev.roster.server.scim.ProvisioningReplay.assertScimError;
import static dev.roster.server.scim.ProvisioningReplay.bind;
import static dev.roster.server.scim.ProvisioningReplay.ids;
import static dev.roster.server.scim.ProvisioningReplay.percentEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replays the requests Okta's SCIM 2.0 client sends, in Okta's order, with Okta's headers and encodings.
 * The request bodies are in src/test/resources/okta (see its README for the source of each shape).
 */
class OktaProvisioningHttpTest extends RosterHttpTest {

    private static final String OKTA_CONTENT_TYPE = "application/scim+json; charset=utf-8";
    private static final String OKTA_USER_AGENT = "Okta SCIM Client 1.0.0";
    private static final String LOGIN = "ada.lovelace@analytical-engines.example";

    private JsonClient okta;

    @BeforeEach
    void connectOkta() {
        ScimDirectory directory = newDirectory("okta");
        okta = new JsonClient(directory.scimBaseUrl(), directory.token(), OKTA_CONTENT_TYPE)
                .withHeader("Accept", SCIM_JSON)
                .withHeader("User-Agent", OKTA_USER_AGENT);
    }

    @Test
    void testApiCredentialsWhenDirectoryEmptyThenEmptyListResponse() {
        JsonNode probe = assertListResponse(okta.get("/Users?startIndex=1&count=2"), 0);
        assertThat(probe.get("Resources")).isEmpty();
        assertThat(probe.get("startIndex").asInt()).isEqualTo(1);
        assertThat(probe.get("itemsPerPage").asInt()).isZero();

        JsonNode lookup = assertListResponse(okta.get(lookupPath("okta-credentials-check@example.com")), 0);
        assertThat(lookup.get("Resources")).isEmpty();
    }

    @Test
    void lookupWhenAbsentThenCreateThenSameLookupFindsExactlyThatUser() {
        assertThat(assertListResponse(okta.get(lookupPath(LOGIN)), 0).get("Resources")).isEmpty();

        HttpResponse created = okta.post("/Users", fixtureText("okta/user-create.json"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(SCIM_JSON);
        String id = created.body().get("id").asString();
        assertThat(id).isNotBlank();
        assertThat(created.header("Location")).endsWith("/Users/" + id);
        assertThat(created.body().get("userName").asString()).isEqualTo(LOGIN);
        assertThat(created.body().get("externalId").asString()).isEqualTo("00u8f2kq9wXyZ3aB40h7");
        assertThat(created.body().get("active").asBoolean()).isTrue();
        assertThat(created.body().has("password")).isFalse();

        JsonNode found = assertListResponse(okta.get(lookupPath(LOGIN)), 1);
        assertThat(ids(found)).containsExactly(id);
        JsonNode user = found.get("Resources").get(0);
        assertThat(user.get("userName").asString()).isEqualTo(LOGIN);
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
    }

    @Test
    void createWhenUserNameAlreadyProvisionedThenConflictUniqueness() {
        assertThat(okta.post("/Users", fixtureText("okta/user-create.json")).status()).isEqualTo(201);

        assertScimError(okta.post("/Users", fixtureText("okta/user-create.json")), 409, "uniqueness");

        assertListResponse(okta.get(lookupPath(LOGIN)), 1);
    }

    @Test
    void getByIdThenProvisionedProfileWithoutPassword() {
        JsonNode created = okta.post("/Users", fixtureText("okta/user-create.json")).body();
        String id = created.get("id").asString();

        HttpResponse read = okta.get("/Users/" + id);

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith(SCIM_JSON);
        JsonNode user = read.body();
        assertThat(user.get("id").asString()).isEqualTo(id);
        assertThat(user.get("schemas").get(0).asString()).isEqualTo(ProvisioningReplay.USER);
        assertThat(user.get("userName").asString()).isEqualTo(LOGIN);
        assertThat(user.get("name").get("givenName").asString()).isEqualTo("Ada");
        assertThat(user.get("name").get("familyName").asString()).isEqualTo("Lovelace");
        assertThat(user.get("displayName").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("locale").asString()).isEqualTo("en-GB");
        assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo(LOGIN);
        assertThat(user.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("meta").get("resourceType").asString()).isEqualTo("User");
        assertThat(user.has("password")).isFalse();
        assertThat(user).isEqualTo(created);
    }

    @Test
    void getWhenUnknownIdThenScimNotFound() {
        assertScimError(okta.get("/Users/00000000-0000-0000-0000-000000000000"), 404, null);
    }

    @Test
    void putFullProfileThenChangesAppearAndPasswordNeverReturned() {
        String id = okta.post("/Users", fixtureText("okta/user-create.json")).body().get("id").asString();

        HttpResponse replaced = okta.put("/Users/" + id, bind(fixtureText("okta/user-replace.json"), Map.of("id", id)));

        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.contentType()).startsWith(SCIM_JSON);
        for (JsonNode user : List.of(replaced.body(), okta.get("/Users/" + id).body())) {
            assertThat(user.get("id").asString()).isEqualTo(id);
            assertThat(user.get("userName").asString()).isEqualTo(LOGIN);
            assertThat(user.get("name").get("givenName").asString()).isEqualTo("Augusta");
            assertThat(user.get("name").get("familyName").asString()).isEqualTo("King");
            assertThat(user.get("displayName").asString()).isEqualTo("Augusta Ada King");
            assertThat(user.get("emails")).hasSize(1);
            assertThat(user.get("emails").get(0).get("value").asString())
                    .isEqualTo("augusta.king@analytical-engines.example");
            assertThat(user.get("active").asBoolean()).isTrue();
            assertThat(user.has("password")).isFalse();
        }
        assertThat(ids(assertListResponse(okta.get(lookupPath(LOGIN)), 1))).containsExactly(id);
    }

    @Test
    void patchDeactivateThenStillReadableAndFoundByLookupAsInactive() {
        String id = okta.post("/Users", fixtureText("okta/user-create.json")).body().get("id").asString();

        HttpResponse deactivated = okta.patch("/Users/" + id, fixtureText("okta/patch-deactivate.json"));

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.body().get("active").isBoolean()).isTrue();
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        HttpResponse read = okta.get("/Users/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("active").asBoolean()).isFalse();
        assertThat(read.body().get("userName").asString()).isEqualTo(LOGIN);
        assertThat(read.body().get("name").get("givenName").asString()).as("deactivation keeps the profile")
                .isEqualTo("Ada");

        JsonNode relookup = assertListResponse(okta.get(lookupPath(LOGIN)), 1);
        assertThat(ids(relookup)).containsExactly(id);
        assertThat(relookup.get("Resources").get(0).get("active").asBoolean()).isFalse();
        assertThat(ids(assertListResponse(okta.get("/Users?startIndex=1&count=100"), 1))).containsExactly(id);
    }

    @Test
    void patchReactivateThenActiveAgain() {
        String id = okta.post("/Users", fixtureText("okta/user-create.json")).body().get("id").asString();
        assertThat(okta.patch("/Users/" + id, fixtureText("okta/patch-deactivate.json")).status()).isEqualTo(200);

        HttpResponse reactivated = okta.patch("/Users/" + id, fixtureText("okta/patch-reactivate.json"));

        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.body().get("active").asBoolean()).isTrue();
        assertThat(okta.get("/Users/" + id).body().get("active").asBoolean()).isTrue();
        assertThat(assertListResponse(okta.get(lookupPath(LOGIN)), 1).get("Resources").get(0).get("active")
                .asBoolean()).isTrue();
    }

    @Test
    void patchWhenUnknownIdThenScimNotFound() {
        assertScimError(okta.patch("/Users/00000000-0000-0000-0000-000000000000",
                fixtureText("okta/patch-deactivate.json")), 404, null);
    }

    @Test
    void deleteThenNoContentThenNotFound() {
        String id = okta.post("/Users", fixtureText("okta/user-create.json")).body().get("id").asString();

        HttpResponse deleted = okta.delete("/Users/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertScimError(okta.get("/Users/" + id), 404, null);
        assertListResponse(okta.get(lookupPath(LOGIN)), 0);
    }

    @Test
    void importPagingByHundredThenEveryUserExactlyOnce() {
        int users = 250;
        Set<String> created = new HashSet<>();
        String template = fixtureText("okta/user-create.json");
        for (int i = 0; i < users; i++) {
            ObjectNode user = (ObjectNode) JsonClient.json(template);
            String login = "import" + i + "@analytical-engines.example";
            user.put("userName", login);
            user.put("externalId", "00uimport" + i);
            ((ObjectNode) user.get("emails").get(0)).put("value", login);
            HttpResponse response = okta.post("/Users", user);
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            created.add(response.body().get("id").asString());
        }

        List<String> imported = new ArrayList<>();
        for (int startIndex = 1; startIndex <= users; startIndex += 100) {
            JsonNode page = assertListResponse(okta.get("/Users?startIndex=" + startIndex + "&count=100"), users);
            assertThat(page.get("startIndex").asInt()).isEqualTo(startIndex);
            assertThat(page.get("itemsPerPage").asInt()).isEqualTo(Math.min(100, users - startIndex + 1));
            imported.addAll(ids(page));
        }
        assertThat(imported).hasSize(users).doesNotHaveDuplicates();
        assertThat(new HashSet<>(imported)).isEqualTo(created);
        assertThat(assertListResponse(okta.get("/Users?startIndex=301&count=100"), users).get("Resources")).isEmpty();
    }

    /** Okta's pre-create lookup, encoded as Okta sends it. */
    private static String lookupPath(String login) {
        return "/Users?filter=" + percentEncoded("userName eq \"" + login + "\"") + "&startIndex=1&count=100";
    }
}
