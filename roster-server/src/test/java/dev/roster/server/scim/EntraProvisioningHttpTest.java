package dev.roster.server.scim;

import static dev.roster.server.scim.ProvisioningReplay.ENTERPRISE;
import static dev.roster.server.scim.ProvisioningReplay.assertListResponse;
import static dev.roster.server.scim.ProvisioningReplay.assertScimError;
import static dev.roster.server.scim.ProvisioningReplay.bind;
import static dev.roster.server.scim.ProvisioningReplay.formEncoded;
import static dev.roster.server.scim.ProvisioningReplay.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Replays the requests the Microsoft Entra provisioning service sends: capitalised PATCH operations, booleans
 * as strings, the enterprise manager as a bare id. The bodies are in src/test/resources/entra (see its README).
 */
class EntraProvisioningHttpTest extends RosterHttpTest {

    private static final String USER_NAME = "Test_User_8e41b7c2-3a95-4d0f-b6e8-9f27c1a05d34";
    private static final String EXTERNAL_ID = "5d0c9a3e-71f4-4b2a-9e86-2c1f0b7d4a63";
    private static final String NEW_USER_NAME = "grace.hopper@contoso.example";

    private JsonClient entra;

    @BeforeEach
    void connectEntra() {
        entra = scim(newDirectory("entra"));
    }

    @Test
    void lookupWhenNoSuchUserThenOkWithZeroResultsAndEmptyResources() {
        for (String filter : new String[] {"userName eq \"non-existent user\"", "userName eq \"" + USER_NAME + "\"",
                "externalId eq \"" + UUID.randomUUID() + "\""}) {
            JsonNode page = assertListResponse(entra.get("/Users?filter=" + formEncoded(filter)), 0);
            assertThat(page.get("Resources")).as(filter).isEmpty();
        }
    }

    @Test
    void lookupByUserNameAndByExternalIdThenFindsTheCreatedUser() {
        String id = create("entra/user-create.json").get("id").asString();
        create("entra/manager-create.json");

        assertThat(ids(lookup("userName eq \"" + USER_NAME + "\""))).containsExactly(id);
        assertThat(ids(lookup("externalId eq \"" + EXTERNAL_ID + "\""))).containsExactly(id);
        assertThat(ids(lookup("emails[type eq \"work\"].value eq "
                + "\"Test_User_0b7f3e19-c2d4-4a86-8e51-6d9a2f4c71b0@testuser.com\""))).containsExactly(id);
    }

    @Test
    void createWithEnterpriseExtensionThenCreated() {
        HttpResponse created = entra.post("/Users", fixtureText("entra/user-create.json"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.contentType()).startsWith(SCIM_JSON);
        JsonNode user = created.body();
        assertThat(created.header("Location")).endsWith("/Users/" + user.get("id").asString());
        assertThat(user.get("schemas").valueStream().map(JsonNode::asString))
                .contains(ProvisioningReplay.USER, ENTERPRISE);
        assertThat(user.get("userName").asString()).isEqualTo(USER_NAME);
        assertThat(user.get("externalId").asString()).isEqualTo(EXTERNAL_ID);
        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("name").get("formatted").asString()).isEqualTo("Grace Hopper");
        assertThat(user.get("emails").get(0).get("type").asString()).isEqualTo("work");
        assertThat(user.get("meta").get("resourceType").asString()).isEqualTo("User");
        JsonNode enterprise = user.get(ENTERPRISE);
        assertThat(enterprise.get("employeeNumber").asString()).isEqualTo("100742");
        assertThat(enterprise.get("department").asString()).isEqualTo("Compiler Research");
        assertThat(enterprise.get("costCenter").asString()).isEqualTo("CC-4410");
        assertThat(enterprise.get("organization").asString()).isEqualTo("Contoso");
        assertThat(enterprise.get("division").asString()).isEqualTo("Research");
    }

    @Test
    void createWhenUserNameTakenThenConflictUniqueness() {
        create("entra/user-create.json");

        assertScimError(entra.post("/Users", fixtureText("entra/user-create.json")), 409, "uniqueness");

        assertListResponse(entra.get("/Users?filter=" + formEncoded("userName eq \"" + USER_NAME + "\"")), 1);
    }

    @Test
    void getByIdThenTheCreatedResource() {
        JsonNode created = create("entra/user-create.json");

        HttpResponse read = entra.get("/Users/" + created.get("id").asString());

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.contentType()).startsWith(SCIM_JSON);
        assertThat(read.body()).isEqualTo(created);
        assertScimError(entra.get("/Users/" + UUID.randomUUID()), 404, null);
    }

    @Test
    void patchReplaceSeveralAttributesThenEveryOneApplied() {
        String id = create("entra/user-create.json").get("id").asString();

        HttpResponse patched = entra.patch("/Users/" + id, fixtureText("entra/patch-replace-attributes.json"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode user = entra.get("/Users/" + id).body();
        assertThat(patched.body()).isEqualTo(user);
        assertThat(user.get("emails")).hasSize(1);
        assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("grace.hopper@contoso.example");
        assertThat(user.get("emails").get(0).get("type").asString()).isEqualTo("work");
        assertThat(user.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(user.get("name").get("givenName").asString()).isEqualTo("Amazing Grace");
        assertThat(user.get("name").get("familyName").asString()).isEqualTo("Murray Hopper");
        assertThat(user.get("title").asString()).isEqualTo("Commodore");
        assertThat(user.get(ENTERPRISE).get("department").asString()).isEqualTo("Naval Data Automation");
        assertThat(user.get(ENTERPRISE).get("employeeNumber").asString()).isEqualTo("100742");
        assertThat(user.get("userName").asString()).isEqualTo(USER_NAME);
        assertThat(user.get("active").asBoolean()).isTrue();
    }

    @Test
    void patchActiveFalseAsStringThenDisabledAsJsonBoolean() {
        String id = create("entra/user-create.json").get("id").asString();

        HttpResponse disabled = entra.patch("/Users/" + id, fixtureText("entra/patch-disable.json"));

        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.body().get("active").isBoolean()).as("active is a JSON boolean").isTrue();
        assertThat(disabled.body().get("active").asBoolean()).isFalse();
        JsonNode read = entra.get("/Users/" + id).body();
        assertThat(read.get("active").isBoolean()).isTrue();
        assertThat(read.get("active").asBoolean()).isFalse();
        JsonNode found = lookup("userName eq \"" + USER_NAME + "\"").get("Resources").get(0);
        assertThat(found.get("active").isBoolean()).as("the validator reads active back through a filter").isTrue();
        assertThat(found.get("active").asBoolean()).isFalse();

        HttpResponse enabled = entra.patch("/Users/" + id, fixtureText("entra/patch-enable.json"));
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(entra.get("/Users/" + id).body().get("active").asBoolean()).isTrue();
    }

    @Test
    void patchAddManagerAsPlainIdThenSetAndRemoveThenCleared() {
        String id = create("entra/user-create.json").get("id").asString();
        String managerId = create("entra/manager-create.json").get("id").asString();

        HttpResponse added = entra.patch("/Users/" + id,
                bind(fixtureText("entra/patch-add-manager.json"), Map.of("managerId", managerId)));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        JsonNode manager = entra.get("/Users/" + id).body().get(ENTERPRISE).get("manager");
        assertThat(manager.isObject()).as("manager is stored as the complex attribute of RFC 7643 §4.3").isTrue();
        assertThat(manager.get("value").asString()).isEqualTo(managerId);
        assertThat(entra.get("/Users/" + id).body().get(ENTERPRISE).get("department").asString())
                .isEqualTo("Compiler Research");

        HttpResponse removed = entra.patch("/Users/" + id, fixtureText("entra/patch-remove-manager.json"));

        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        JsonNode enterprise = entra.get("/Users/" + id).body().get(ENTERPRISE);
        assertThat(enterprise.has("manager")).isFalse();
        assertThat(enterprise.get("employeeNumber").asString()).isEqualTo("100742");
        assertThat(entra.get("/Users/" + managerId).status()).as("removing the reference keeps the manager")
                .isEqualTo(200);
    }

    @Test
    void patchAddManagerAsObjectThenSet() {
        String id = create("entra/user-create.json").get("id").asString();
        String managerId = create("entra/manager-create.json").get("id").asString();

        HttpResponse added = entra.patch("/Users/" + id,
                bind(fixtureText("entra/patch-add-manager-object.json"), Map.of("managerId", managerId)));

        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(entra.get("/Users/" + id).body().get(ENTERPRISE).get("manager").get("value").asString())
                .isEqualTo(managerId);
    }

    @Test
    void patchUserNameThenLookupsFollowTheNewName() {
        String id = create("entra/user-create.json").get("id").asString();

        HttpResponse renamed = entra.patch("/Users/" + id, fixtureText("entra/patch-userName.json"));

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(entra.get("/Users/" + id).body().get("userName").asString()).isEqualTo(NEW_USER_NAME);
        assertThat(ids(lookup("userName eq \"" + NEW_USER_NAME + "\""))).containsExactly(id);
        assertThat(lookup("userName eq \"" + USER_NAME + "\"").get("Resources")).isEmpty();
        assertThat(ids(lookup("externalId eq \"" + EXTERNAL_ID + "\""))).containsExactly(id);
    }

    @Test
    void patchUserNameWhenTakenThenConflictUniquenessAndUnchanged() {
        String id = create("entra/user-create.json").get("id").asString();
        create("entra/manager-create.json");
        String taken = "Test_User_2f6d9c04-8b1e-4e73-a5c9-04d8e6b1f7a2";

        assertScimError(entra.patch("/Users/" + id, fixtureText("entra/patch-userName.json")
                .replace(NEW_USER_NAME, taken)), 409, "uniqueness");

        assertThat(entra.get("/Users/" + id).body().get("userName").asString()).isEqualTo(USER_NAME);
    }

    @Test
    void patchWithLowerCaseAndCapitalisedOpsThenEveryOperationApplied() {
        String id = create("entra/user-create.json").get("id").asString();

        HttpResponse patched = entra.patch("/Users/" + id, fixtureText("entra/patch-mixed-case-ops.json"));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode user = entra.get("/Users/" + id).body();
        assertThat(user.get("displayName").asString()).as("op replace").isEqualTo("Grace Brewster Hopper");
        assertThat(user.get(ENTERPRISE).get("employeeNumber").asString()).as("op Add").isEqualTo("100743");
        assertThat(user.has("title")).as("op Remove").isFalse();
    }

    @Test
    void deleteThenNoContentThenNotFound() {
        String id = create("entra/user-create.json").get("id").asString();

        HttpResponse deleted = entra.delete("/Users/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertScimError(entra.get("/Users/" + id), 404, null);
        assertScimError(entra.patch("/Users/" + id, fixtureText("entra/patch-disable.json")), 404, null);
        assertScimError(entra.delete("/Users/" + id), 404, null);
        assertThat(lookup("userName eq \"" + USER_NAME + "\"").get("Resources")).isEmpty();
    }

    private JsonNode create(String fixture) {
        HttpResponse created = entra.post("/Users", fixtureText(fixture));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body();
    }

    /** A filtered query, form-encoded as Entra sends it; asserts a ListResponse of at most one user. */
    private JsonNode lookup(String filter) {
        HttpResponse response = entra.get("/Users?filter=" + formEncoded(filter));
        assertThat(response.status()).as(filter + " -> " + response).isEqualTo(200);
        JsonNode page = assertListResponse(response, response.body().get("totalResults").asInt());
        assertThat(page.get("totalResults").asInt()).as(filter).isLessThanOrEqualTo(1);
        return page;
    }
}
