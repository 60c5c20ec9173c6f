package dev.roster.server.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Custom attribute values over SCIM, with the extension URN Omni's Okta guide uses (seed 003), so an Okta app
 * set up exactly as there works unchanged. Fixtures: src/test/resources/okta/attributes.
 */
@TestPropertySource(properties = "roster.user-attribute-schema=" + UserAttributeExtensionHttpTest.URN)
class UserAttributeExtensionHttpTest extends RosterHttpTest {

    static final String URN = "urn:omni:params:1.0:UserAttribute";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";

    private ScimDirectory directory;
    private JsonClient scim;

    @BeforeEach
    void connectDirectory() {
        directory = newDirectory("okta");
        scim = scim(directory);
    }

    @Test
    void oktaAttributeSyncWhenAttributeDefinedThenCreateUpdateAndForceSyncCarryTheValue() {
        HttpResponse before = scim.post("/Users", fixtureText("okta/user-create.json"));
        assertThat(before.status()).isEqualTo(201);
        define(Map.of("name", "Blob Entity", "reference", "blob_entity", "type", "string"));

        HttpResponse created = scim.post("/Users", fixtureText("okta/attributes/user-create.json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().get(URN).get("blob_entity").asString()).isEqualTo("Compilers");
        assertThat(schemas(created.body())).containsExactly(CORE, URN);
        String id = created.body().get("id").asString();
        assertThat(scim.get("/Users/" + id).body().get(URN).get("blob_entity").asString()).isEqualTo("Compilers");

        HttpResponse updated = scim.put("/Users/" + id, replaceBody(id));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.body().get(URN).get("blob_entity").asString()).isEqualTo("COBOL");
        String version = updated.body().get("meta").get("version").asString();

        HttpResponse unchanged = scim.put("/Users/" + id, replaceBody(id));
        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.body().get("meta").get("version").asString()).isEqualTo(version);
        String earlierId = before.body().get("id").asString();
        ObjectNode earlier = (ObjectNode) JsonClient.json(fixtureText("okta/user-replace.json")
                .replace("{{id}}", earlierId));
        earlier.putArray("schemas").add(CORE).add(URN);
        earlier.putObject(URN).put("blob_entity", "Analytical Engine");
        HttpResponse synced = scim.put("/Users/" + earlierId, earlier);
        assertThat(synced.status()).as(synced.toString()).isEqualTo(200);
        assertThat(scim.get("/Users/" + earlierId).body().get(URN).get("blob_entity").asString())
                .isEqualTo("Analytical Engine");
    }

    @Test
    void patchWhenOktaDeactivatesUserWithCustomValuesThenValuesKeptAsStored() {
        define(Map.of("name", "Blob Entity", "reference", "blob_entity", "type", "string"));
        HttpResponse created = scim.post("/Users", fixtureText("okta/attributes/user-create.json"));
        String id = created.body().get("id").asString();

        HttpResponse deactivated = scim.patch("/Users/" + id, fixtureText("okta/patch-deactivate.json"));

        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(deactivated.body().get("active").asBoolean()).isFalse();
        assertThat(deactivated.body().get(URN).get("blob_entity").asString()).isEqualTo("Compilers");
        assertThat(schemas(deactivated.body())).containsExactly(CORE, URN);
        assertThat(scim.get("/Users/" + id).body().get(URN)).isEqualTo(created.body().get(URN));
    }

    @Test
    void memberViewWhenValuesSyncedThenManagementApiShowsThemAndFollowsUpdates() {
        define(Map.of("name", "Blob Entity", "reference", "blob_entity", "type", "string"));
        HttpResponse created = scim.post("/Users", fixtureText("okta/attributes/user-create.json"));
        String id = created.body().get("id").asString();
        String members = "/api/v1/organizations/" + directory.organizationId() + "/members";

        JsonNode member = operator().get(members).body().get("data").get(0);
        assertThat(member.get("userId").asString()).isEqualTo(id);
        assertThat(member.get("attributes").get("blob_entity").asString()).isEqualTo("Compilers");

        scim.put("/Users/" + id, replaceBody(id));
        JsonNode updated = operator().get(members + "/" + member.get("id").asString()).body();
        assertThat(updated.get("attributes").get("blob_entity").asString()).isEqualTo("COBOL");
    }

    @Test
    void discoveryWhenAttributesDefinedThenExtensionShowsThemWithSystemAttributesReserved() {
        define(Map.of("name", "Department", "reference", "department", "type", "string",
                "enum", List.of("Sales", "Engineering")));
        define(Map.of("name", "Level", "reference", "level", "type", "integer", "enum", List.of(1, 2, 3)));
        define(Map.of("name", "Skills", "reference", "skills", "type", "string", "multiValued", true));
        define(Map.of("name", "Hired", "reference", "hired", "type", "date-time"));
        define(Map.of("name", "Rate", "reference", "rate", "type", "number"));
        define(Map.of("name", "Remote", "reference", "remote", "type", "boolean"));

        JsonNode userType = scim.get("/ResourceTypes/User").body();
        List<String> extensions = new ArrayList<>();
        userType.get("schemaExtensions").forEach(e -> extensions.add(e.get("schema").asString()));
        assertThat(extensions).containsExactly("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", URN);
        assertThat(userType.get("schemaExtensions").get(1).get("required").asBoolean()).isFalse();

        HttpResponse schema = scim.get("/Schemas/" + URN);
        assertThat(schema.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        schema.body().get("attributes").forEach(a -> names.add(a.get("name").asString()));
        assertThat(names).containsExactly("id", "email", "name", "role", "department", "hired", "level", "rate",
                "remote", "skills");
        JsonNode role = attribute(schema.body(), "role");
        assertThat(role.get("mutability").asString()).isEqualTo("readOnly");
        assertThat(role.get("returned").asString()).isEqualTo("never");
        JsonNode department = attribute(schema.body(), "department");
        assertThat(department.get("type").asString()).isEqualTo("string");
        assertThat(department.get("canonicalValues").toString()).isEqualTo("[\"Sales\",\"Engineering\"]");
        assertThat(department.get("mutability").asString()).isEqualTo("readWrite");
        assertThat(department.get("returned").asString()).isEqualTo("default");
        assertThat(department.get("caseExact").asBoolean()).isFalse();
        assertThat(attribute(schema.body(), "level").get("canonicalValues").toString()).isEqualTo("[1,2,3]");
        assertThat(attribute(schema.body(), "skills").get("multiValued").asBoolean()).isTrue();
        assertThat(attribute(schema.body(), "hired").get("type").asString()).isEqualTo("dateTime");
        assertThat(attribute(schema.body(), "rate").get("type").asString()).isEqualTo("decimal");
        assertThat(attribute(schema.body(), "remote").get("type").asString()).isEqualTo("boolean");

        JsonNode otherOrganization = scim(newDirectory("okta")).get("/Schemas/" + URN).body();
        assertThat(otherOrganization.get("attributes")).hasSize(4);
    }

    @Test
    void writeWhenValuesOfEveryTypeThenStoredInCanonicalFormAndReturned() {
        define(Map.of("name", "Department", "reference", "department", "type", "string",
                "enum", List.of("Sales", "Engineering")));
        define(Map.of("name", "Level", "reference", "level", "type", "integer", "enum", List.of(1, 2, 3)));
        define(Map.of("name", "Skills", "reference", "skills", "type", "string", "multiValued", true));
        define(Map.of("name", "Shift", "reference", "shift", "type", "date-time",
                "enum", List.of("2024-05-01T09:00:00Z")));
        define(Map.of("name", "Rate", "reference", "rate", "type", "number", "enum", List.of(1.5, 2)));
        define(Map.of("name", "Remote", "reference", "remote", "type", "boolean"));

        HttpResponse created = scim.post("/Users", user("ada", Map.of("department", "sales", "level", 2,
                "skills", List.of("SCIM", "SAML"), "shift", "2024-05-01T11:00:00+02:00", "rate", 2.0,
                "remote", true)));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode values = scim.get("/Users/" + created.body().get("id").asString()).body().get(URN);
        assertThat(values.get("department").asString()).isEqualTo("Sales");
        assertThat(values.get("level").asInt()).isEqualTo(2);
        assertThat(values.get("skills").toString()).isEqualTo("[\"SCIM\",\"SAML\"]");
        assertThat(values.get("shift").asString()).isEqualTo("2024-05-01T09:00:00Z");
        assertThat(values.get("rate").decimalValue()).isEqualByComparingTo("2");
        assertThat(values.get("remote").asBoolean()).isTrue();
    }

    @Test
    void writeWhenValueInvalidThenInvalidValueNamingAttributeAndFixAndNothingWritten() {
        define(Map.of("name", "Department", "reference", "department", "type", "string",
                "enum", List.of("Sales", "Engineering")));
        define(Map.of("name", "Level", "reference", "level", "type", "integer"));
        define(Map.of("name", "Code", "reference", "code", "type", "string"));

        assertInvalidValue(scim.post("/Users", user("ada", Map.of("level", "high"))), "level", "an integer");
        assertInvalidValue(scim.post("/Users", user("ada", Map.of("department", "HR"))), "department",
                "\"Sales\", \"Engineering\"");
        assertInvalidValue(scim.post("/Users", user("ada", Map.of("code", List.of("a", "b")))), "code",
                "single-valued");
        assertInvalidValue(scim.post("/Users", user("ada", Map.of("cost_center", "42"))), "cost_center",
                "POST /api/v1/organizations/" + directory.organizationId() + "/attributes");
        assertThat(scim.get("/Users").body().get("totalResults").asInt()).isZero();

        HttpResponse created = scim.post("/Users", user("ada", Map.of("department", "Sales")));
        String id = created.body().get("id").asString();
        assertInvalidValue(scim.put("/Users/" + id, user("ada", Map.of("department", "HR"))), "department",
                "must be one of");
        assertInvalidValue(scim.patch("/Users/" + id, patch("replace", URN + ":level", "x")), "level",
                "an integer");
        assertInvalidValue(scim.patch("/Users/" + id, patch("add", URN + ":cost_center", "x")), "cost_center",
                "/attributes");
        JsonNode stored = scim.get("/Users/" + id).body();
        assertThat(stored.get("meta").get("version").asString())
                .isEqualTo(created.body().get("meta").get("version").asString());
        assertThat(stored.get(URN).toString()).isEqualTo("{\"department\":\"Sales\"}");
    }

    @Test
    void writeWhenSystemAttributesSentThenIgnoredInPostAndPutAndMutabilityInPatch() {
        HttpResponse created = scim.post("/Users", user("ada", Map.of("role", "admin", "email", "x@example.com")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body().has(URN)).isFalse();
        assertThat(schemas(created.body())).containsExactly(CORE);
        String id = created.body().get("id").asString();
        assertThat(scim.put("/Users/" + id, user("ada", Map.of("name", "Ada"))).status()).isEqualTo(200);

        assertScimError(scim.patch("/Users/" + id, patch("replace", URN + ":role", "admin")), "mutability");
        assertScimError(scim.patch("/Users/" + id, Map.of(
                "schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "value", Map.of(URN, Map.of("role", "admin")))))),
                "mutability");
    }

    @Test
    void patchWhenEntraQualifiedPathsThenAddReplaceAndRemoveValues() {
        define(Map.of("name", "Department", "reference", "department", "type", "string"));
        define(Map.of("name", "Skills", "reference", "skills", "type", "string", "multiValued", true));
        String id = scim.post("/Users", user("ada", Map.of())).body().get("id").asString();

        HttpResponse added = scim.patch("/Users/" + id, patch("Add", URN + ":department", "Sales"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.body().get(URN).get("department").asString()).isEqualTo("Sales");
        assertThat(schemas(added.body())).containsExactly(CORE, URN);

        scim.patch("/Users/" + id, patch("Replace", URN + ":department", "Marketing"));
        scim.patch("/Users/" + id, patch("Add", URN + ":skills", List.of("SCIM")));
        scim.patch("/Users/" + id, patch("Add", URN + ":skills", List.of("SAML")));
        JsonNode values = scim.get("/Users/" + id).body().get(URN);
        assertThat(values.get("department").asString()).isEqualTo("Marketing");
        assertThat(values.get("skills").toString()).isEqualTo("[\"SCIM\",\"SAML\"]");

        scim.patch("/Users/" + id, Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "Remove", "path", URN + ":department"),
                        Map.of("op", "Remove", "path", URN + ":skills"))));
        JsonNode cleared = scim.get("/Users/" + id).body();
        assertThat(cleared.has(URN)).isFalse();
        assertThat(schemas(cleared)).containsExactly(CORE);
        HttpResponse deactivated = scim.patch("/Users/" + id, fixture("okta/patch-deactivate.json"));
        assertThat(deactivated.status()).isEqualTo(200);
    }

    @Test
    void filterWhenExtensionAttributesThenEvaluatedLikeCoreAttributes() {
        define(Map.of("name", "Department", "reference", "department", "type", "string"));
        define(Map.of("name", "Level", "reference", "level", "type", "integer"));
        define(Map.of("name", "Skills", "reference", "skills", "type", "string", "multiValued", true));
        String ada = scim.post("/Users", user("ada", Map.of("department", "Sales", "level", 3,
                "skills", List.of("SCIM")))).body().get("id").asString();
        String bob = scim.post("/Users", user("bob", Map.of("department", "Engineering", "level", 1)))
                .body().get("id").asString();
        String eve = scim.post("/Users", user("eve", Map.of())).body().get("id").asString();

        assertThat(search(URN + ":department eq \"sales\"")).containsExactly(ada);
        assertThat(search(URN.toLowerCase() + ":DEPARTMENT co \"eer\"")).containsExactly(bob);
        assertThat(search(URN + ":level gt 1")).containsExactly(ada);
        assertThat(search(URN + ":skills eq \"scim\"")).containsExactly(ada);
        assertThat(search(URN + ":department pr and userName eq \"bob@example.com\"")).containsExactly(bob);
        assertThat(search("not (" + URN + ":department pr)")).containsExactly(eve);
        assertThat(scim.get("/Users?filter=" + encode(URN + ":unknown eq \"x\"")).status()).isEqualTo(400);
    }

    @Test
    void projectionWhenExtensionNamedOrOtherAttributesExcludedThenValuesFollow() {
        define(Map.of("name", "Department", "reference", "department", "type", "string"));
        String id = scim.post("/Users", user("ada", Map.of("department", "Sales"))).body().get("id").asString();

        JsonNode only = scim.get("/Users/" + id + "?attributes=" + encode(URN + ":department")).body();
        assertThat(only.get(URN).get("department").asString()).isEqualTo("Sales");
        assertThat(only.has("userName")).isFalse();
        assertThat(scim.get("/Users/" + id + "?excludedAttributes=emails").body().get(URN).get("department")
                .asString()).isEqualTo("Sales");
        assertThat(scim.get("/Users/" + id + "?excludedAttributes=" + encode(URN)).body().has(URN)).isFalse();
        assertThat(scim.get("/Users/" + id + "?attributes=userName").body().has(URN)).isFalse();
    }

    @Test
    void deleteDefinitionWhenValuesStoredThenValuesErasedAndNotRevivedByNewDefinition() {
        define(Map.of("name", "Department", "reference", "department", "type", "string"));
        define(Map.of("name", "Level", "reference", "level", "type", "integer"));
        JsonNode both = scim.post("/Users", user("ada", Map.of("department", "Sales", "level", 2))).body();
        JsonNode onlyDepartment = scim.post("/Users", user("bob", Map.of("department", "Ops"))).body();
        JsonNode none = scim.post("/Users", user("eve", Map.of("level", 1))).body();

        assertThat(operator().delete(attributes() + "/department").status()).isEqualTo(204);

        JsonNode first = scim.get("/Users/" + both.get("id").asString()).body();
        assertThat(first.get(URN).toString()).isEqualTo("{\"level\":2}");
        assertThat(first.get("meta").get("version").asString())
                .isNotEqualTo(both.get("meta").get("version").asString());
        assertThat(first.get("emails").toString()).isEqualTo(both.get("emails").toString());
        JsonNode second = scim.get("/Users/" + onlyDepartment.get("id").asString()).body();
        assertThat(second.has(URN)).isFalse();
        assertThat(schemas(second)).containsExactly(CORE);
        assertThat(scim.get("/Users/" + none.get("id").asString()).body().get("meta").get("version").asString())
                .isEqualTo(none.get("meta").get("version").asString());
        assertThat(search("userName eq \"bob@example.com\"")).hasSize(1);

        define(Map.of("name", "Department", "reference", "department", "type", "integer"));
        assertThat(scim.get("/Users/" + onlyDepartment.get("id").asString()).body().has(URN)).isFalse();
        assertInvalidValue(scim.post("/Users", user("dan", Map.of("level", 1, "department", "Ops"))),
                "department", "an integer");
    }

    @Test
    void updateDefinitionWhenMadeMultiValuedThenStoredValuesBecomeArrays() {
        define(Map.of("name", "Department", "reference", "department", "type", "string"));
        String id = scim.post("/Users", user("ada", Map.of("department", "Sales"))).body().get("id").asString();

        assertThat(operator().patch(attributes() + "/department", Map.of("multiValued", true)).status())
                .isEqualTo(200);

        assertThat(scim.get("/Users/" + id).body().get(URN).get("department").toString())
                .isEqualTo("[\"Sales\"]");
        HttpResponse patched = scim.patch("/Users/" + id, patch("add", URN + ":department", List.of("Ops")));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.body().get(URN).get("department").toString()).isEqualTo("[\"Sales\",\"Ops\"]");
    }

    private void define(Map<String, Object> definition) {
        HttpResponse created = operator().post(attributes(), definition);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private String attributes() {
        return "/api/v1/organizations/" + directory.organizationId() + "/attributes";
    }

    private Object replaceBody(String id) {
        return fixtureText("okta/attributes/user-replace.json").replace("{{id}}", id);
    }

    private static ObjectNode user(String login, Map<String, Object> values) {
        ObjectNode user = JsonClient.JSON.createObjectNode();
        user.putArray("schemas").add(CORE).add(URN);
        user.put("userName", login + "@example.com");
        user.putArray("emails").addObject().put("value", login + "@example.com").put("type", "work");
        if (!values.isEmpty()) {
            user.set(URN, JsonClient.JSON.valueToTree(values));
        }
        return user;
    }

    private static Map<String, Object> patch(String op, String path, Object value) {
        return Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", op, "path", path, "value", value)));
    }

    private List<String> search(String filter) {
        HttpResponse response = scim.get("/Users?filter=" + encode(filter));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.body().get("Resources").forEach(user -> ids.add(user.get("id").asString()));
        return ids;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static List<String> schemas(JsonNode resource) {
        List<String> schemas = new ArrayList<>();
        resource.get("schemas").forEach(urn -> schemas.add(urn.asString()));
        return schemas;
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode attribute : schema.get("attributes")) {
            if (attribute.get("name").asString().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name + " in " + schema);
    }

    private static void assertInvalidValue(HttpResponse response, String attribute, String fix) {
        assertScimError(response, "invalidValue");
        assertThat(response.body().get("detail").asString()).contains(URN + ":" + attribute).contains(fix);
    }

    private static void assertScimError(HttpResponse response, String scimType) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.body().get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(response.body().get("scimType").asString()).isEqualTo(scimType);
    }
}
