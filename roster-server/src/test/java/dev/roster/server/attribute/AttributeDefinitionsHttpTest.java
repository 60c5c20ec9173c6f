package dev.roster.server.attribute;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.RosterHttpTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AttributeDefinitionsHttpTest extends RosterHttpTest {

    private String organizationId;

    @BeforeEach
    void newOrganization() {
        organizationId = createOrganization();
    }

    @Test
    void createWhenValidThenCreatedWithPrefixedIdAndDefaults() {
        HttpResponse created = create(Map.of("name", " Blob Entity ", "reference", "blob_entity", "type", "string"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("id").asString()).startsWith("attr_");
        assertThat(body.get("organizationId").asString()).isEqualTo(organizationId);
        assertThat(body.get("reference").asString()).isEqualTo("blob_entity");
        assertThat(body.get("name").asString()).isEqualTo("Blob Entity");
        assertThat(body.get("type").asString()).isEqualTo("string");
        assertThat(body.get("enum").isNull()).isTrue();
        assertThat(body.get("multiValued").asBoolean()).isFalse();
        assertThat(body.get("description").isNull()).isTrue();
        assertThat(body.get("system").asBoolean()).isFalse();
        assertThat(body.get("createdAt").isNull()).isFalse();
        assertThat(body.get("updatedAt").asString()).isEqualTo(body.get("createdAt").asString());
    }

    @Test
    void createWhenEnumMultiValuedAndDescriptionGivenThenAllReturnedAndStored() {
        HttpResponse created = create(Map.of("name", "Level", "reference", "level", "type", "integer",
                "enum", List.of(1, 2, 3), "multiValued", true, "description", "Clearance levels"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode fetched = attribute("level").body();
        assertThat(fetched.get("id").asString()).isEqualTo(created.body().get("id").asString());
        assertThat(fetched.get("enum").toString()).isEqualTo("[1,2,3]");
        assertThat(fetched.get("multiValued").asBoolean()).isTrue();
        assertThat(fetched.get("description").asString()).isEqualTo("Clearance levels");
    }

    @Test
    void listWhenCustomAttributesDefinedThenSystemFirstThenCustomByReference() {
        create(Map.of("name", "Zone", "reference", "zone", "type", "string"));
        create(Map.of("name", "Cost center", "reference", "cost_center", "type", "string"));

        HttpResponse response = operator().get(attributesPath());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("nextCursor").isNull()).isTrue();
        List<String> references = new ArrayList<>();
        List<Boolean> system = new ArrayList<>();
        response.body().get("data").forEach(a -> {
            references.add(a.get("reference").asString());
            system.add(a.get("system").asBoolean());
        });
        assertThat(references).containsExactly("id", "email", "name", "role", "cost_center", "zone");
        assertThat(system).containsExactly(true, true, true, true, false, false);
        JsonNode role = response.body().get("data").get(3);
        assertThat(role.get("enum").toString()).isEqualTo("[\"member\",\"admin\"]");
        assertThat(role.get("description").asString()).isNotBlank();
    }

    @Test
    void getWhenSystemOrCustomReferenceThenFoundAndUnknownThenNotFound() {
        create(Map.of("name", "Blob", "reference", "blob", "type", "number"));

        assertThat(attribute("blob").body().get("type").asString()).isEqualTo("number");
        JsonNode email = attribute("email").body();
        assertThat(email.get("system").asBoolean()).isTrue();
        assertThat(email.get("type").asString()).isEqualTo("string");
        HttpResponse missing = attribute("nothing_here");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("detail").asString()).contains("nothing_here");
    }

    @Test
    void createWhenInvalidThenBadRequestNamingTheFieldAndNothingStored() {
        Map<Map<String, Object>, String> cases = new HashMap<>();
        cases.put(Map.of("name", "x", "reference", "Blob", "type", "string"), "'reference'");
        cases.put(Map.of("name", "x", "reference", "1blob", "type", "string"), "'reference'");
        cases.put(Map.of("name", "x", "reference", "blob-entity", "type", "string"), "'reference'");
        cases.put(Map.of("name", "x", "reference", "b" + "x".repeat(64), "type", "string"), "at most 64");
        cases.put(Map.of("name", "x", "type", "string"), "'reference' is required");
        cases.put(Map.of("name", " ", "reference", "blob", "type", "string"), "'name'");
        cases.put(Map.of("name", "x".repeat(256), "reference", "blob", "type", "string"), "'name'");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "text"), "date-time");
        cases.put(Map.of("name", "x", "reference", "blob"), "'type'");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "integer", "enum", List.of(1, 2.5)),
                "integer");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "integer", "enum", List.of("1")), "integer");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "number", "enum", List.of("one")), "number");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "string", "enum", List.of("a", 1)), "string");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "string", "enum", List.of("a", "")), "non-empty");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "string", "enum", List.of("a", "b", "a")),
                "more than once");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "number", "enum", List.of(1, 1.0)),
                "more than once");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "date-time",
                "enum", List.of("2024-05-01T09:00:00Z", "2024-05-01T11:00:00+02:00")), "more than once");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "date-time", "enum", List.of("2024-05-01")),
                "ISO-8601");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "string", "enum", List.of()), "at least one");
        cases.put(Map.of("name", "x", "reference", "blob", "type", "boolean", "enum", List.of(true)), "boolean");

        cases.forEach((request, expected) -> {
            HttpResponse response = create(request);
            assertThat(response.status()).as("%s", request).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.body().get("detail").asString()).as("%s", request).contains(expected);
        });
        assertThat(customReferences()).isEmpty();
    }

    @Test
    void createWhenValidEnumOfEachTypeThenCreated() {
        assertThat(create(Map.of("name", "n", "reference", "n", "type", "number", "enum", List.of(1.5, 2)))
                .status()).isEqualTo(201);
        assertThat(create(Map.of("name", "d", "reference", "d", "type", "date-time",
                "enum", List.of("2024-05-01T09:00:00Z", "2024-05-01T09:00:00+02:00"))).status()).isEqualTo(201);
        assertThat(create(Map.of("name", "s", "reference", "s", "type", "string", "enum", List.of("a", "A")))
                .status()).isEqualTo(201);
        assertThat(create(Map.of("name", "b", "reference", "b", "type", "boolean")).status()).isEqualTo(201);
    }

    @Test
    void createWhenReferenceTakenBySystemOrCustomAttributeThenConflictAndNothingChanged() {
        create(Map.of("name", "Blob", "reference", "blob", "type", "string"));

        HttpResponse duplicate = create(Map.of("name", "Other", "reference", "blob", "type", "integer"));
        HttpResponse system = create(Map.of("name", "Mail", "reference", "email", "type", "string"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asString()).contains("'blob'").contains("already defined");
        assertThat(system.status()).isEqualTo(409);
        assertThat(system.body().get("detail").asString()).contains("system attribute");
        assertThat(customReferences()).containsExactly("blob");
        assertThat(attribute("blob").body().get("type").asString()).isEqualTo("string");
    }

    @Test
    void createWhenSameReferenceInAnotherOrganizationThenBothExistSeparately() {
        String otherOrganization = createOrganization();
        create(Map.of("name", "Blob", "reference", "blob", "type", "string"));

        HttpResponse other = operator().post("/api/v1/organizations/" + otherOrganization + "/attributes",
                Map.of("name", "Blob", "reference", "blob", "type", "integer"));

        assertThat(other.status()).isEqualTo(201);
        assertThat(attribute("blob").body().get("type").asString()).isEqualTo("string");
        assertThat(operator().delete("/api/v1/organizations/" + otherOrganization + "/attributes/blob").status())
                .isEqualTo(204);
        assertThat(attribute("blob").status()).isEqualTo(200);
    }

    @Test
    void updateWhenCompatibleChangesThenApplied() {
        create(Map.of("name", "Tier", "reference", "tier", "type", "string", "enum", List.of("gold"),
                "description", "old"));

        HttpResponse renamed = patch("tier", Map.of("name", "Customer tier", "description", "new",
                "enum", List.of("gold", "silver"), "multiValued", true, "type", "string", "reference", "tier"));

        assertThat(renamed.status()).isEqualTo(200);
        JsonNode stored = attribute("tier").body();
        assertThat(stored.get("name").asString()).isEqualTo("Customer tier");
        assertThat(stored.get("description").asString()).isEqualTo("new");
        assertThat(stored.get("enum").toString()).isEqualTo("[\"gold\",\"silver\"]");
        assertThat(stored.get("multiValued").asBoolean()).isTrue();
        assertThat(stored.get("updatedAt").asString()).isNotEqualTo(stored.get("createdAt").asString());

        Map<String, Object> clear = new HashMap<>();
        clear.put("enum", null);
        clear.put("description", null);
        assertThat(patch("tier", clear).status()).isEqualTo(200);
        stored = attribute("tier").body();
        assertThat(stored.get("enum").isNull()).isTrue();
        assertThat(stored.get("description").isNull()).isTrue();
        assertThat(stored.get("name").asString()).isEqualTo("Customer tier");
    }

    @Test
    void updateWhenIncompatibleChangeThenRefusedAndNothingChanged() {
        create(Map.of("name", "Tier", "reference", "tier", "type", "string", "enum", List.of("gold", "silver"),
                "multiValued", true));
        create(Map.of("name", "Free", "reference", "free", "type", "integer"));

        HttpResponse dropValue = patch("tier", Map.of("enum", List.of("gold", "bronze"), "name", "Renamed"));
        HttpResponse singleValued = patch("tier", Map.of("multiValued", false));
        HttpResponse addEnum = patch("free", Map.of("enum", List.of(1, 2)));
        HttpResponse changeType = patch("tier", Map.of("type", "integer"));
        HttpResponse changeReference = patch("tier", Map.of("reference", "level"));
        HttpResponse badEnum = patch("tier", Map.of("enum", List.of("gold", "silver", 3)));
        HttpResponse blankName = patch("tier", Map.of("name", ""));

        assertThat(dropValue.status()).isEqualTo(409);
        assertThat(dropValue.body().get("detail").asString()).contains("\"silver\"").contains("stored values");
        assertThat(singleValued.status()).isEqualTo(409);
        assertThat(singleValued.body().get("detail").asString()).contains("'multiValued'");
        assertThat(addEnum.status()).isEqualTo(409);
        assertThat(addEnum.body().get("detail").asString()).contains("'enum'");
        assertThat(changeType.status()).isEqualTo(400);
        assertThat(changeType.body().get("detail").asString()).contains("'type' cannot be changed");
        assertThat(changeReference.status()).isEqualTo(400);
        assertThat(changeReference.body().get("detail").asString()).contains("'reference' cannot be changed");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(blankName.status()).isEqualTo(400);
        JsonNode tier = attribute("tier").body();
        assertThat(tier.get("name").asString()).isEqualTo("Tier");
        assertThat(tier.get("enum").toString()).isEqualTo("[\"gold\",\"silver\"]");
        assertThat(tier.get("multiValued").asBoolean()).isTrue();
        assertThat(tier.get("updatedAt").asString()).isEqualTo(tier.get("createdAt").asString());
        assertThat(attribute("free").body().get("enum").isNull()).isTrue();
    }

    @Test
    void deleteWhenCustomThenNoContentThenNotFoundAndReferenceFreeAgain() {
        create(Map.of("name", "Blob", "reference", "blob", "type", "string"));

        assertThat(operator().delete(attributesPath() + "/blob").status()).isEqualTo(204);

        assertThat(attribute("blob").status()).isEqualTo(404);
        assertThat(operator().delete(attributesPath() + "/blob").status()).isEqualTo(404);
        assertThat(patch("blob", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(customReferences()).isEmpty();
        assertThat(create(Map.of("name", "Blob", "reference", "blob", "type", "integer")).status()).isEqualTo(201);
    }

    @Test
    void updateOrDeleteWhenSystemAttributeThenConflictReadOnly() {
        HttpResponse patched = patch("role", Map.of("enum", List.of("member", "admin", "owner")));
        HttpResponse deleted = operator().delete(attributesPath() + "/email");

        assertThat(patched.status()).isEqualTo(409);
        assertThat(patched.body().get("detail").asString()).contains("read-only");
        assertThat(deleted.status()).isEqualTo(409);
        assertThat(deleted.body().get("detail").asString()).contains("read-only");
        assertThat(attribute("role").body().get("enum").size()).isEqualTo(2);
    }

    @Test
    void everyEndpointWhenOrganizationUnknownThenNotFound() {
        String path = "/api/v1/organizations/org_missing/attributes";

        HttpResponse created = operator().post(path, Map.of("name", "Blob", "reference", "blob", "type", "string"));

        assertThat(created.status()).isEqualTo(404);
        assertThat(created.body().get("detail").asString()).contains("org_missing");
        assertThat(operator().get(path).status()).isEqualTo(404);
        assertThat(operator().get(path + "/email").status()).isEqualTo(404);
        assertThat(operator().patch(path + "/blob", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(operator().delete(path + "/blob").status()).isEqualTo(404);
    }

    @Test
    void openApiDocumentDescribesTheAttributeEndpoints() {
        JsonNode paths = anonymous().get("/api/v1/openapi.json").body().get("paths");

        assertThat(paths.has("/api/v1/organizations/{organizationId}/attributes")).isTrue();
        assertThat(paths.get("/api/v1/organizations/{organizationId}/attributes/{reference}").has("patch")).isTrue();
    }

    @Test
    void bodyWhenUnknownFieldOrWrongTypeOrNotJsonThenBadRequestNamingIt() {
        create(Map.of("name", "Zone", "reference", "zone", "type", "string"));

        HttpResponse misspelt = patch("zone", Map.of("enums", List.of("north")));
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.body().get("detail").asString()).contains("unknown field 'enums'").contains("enum");
        HttpResponse wrongType = create(Map.of("name", "Level", "reference", "level", "type", "integer",
                "multiValued", "yes"));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.body().get("detail").asString()).contains("'multiValued'").contains("true or false");
        HttpResponse notJson = operator().send("POST", attributesPath(), "{\"name\": ");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.body().get("detail").asString()).startsWith("the request body is not valid JSON");

        assertThat(attribute("zone").body().get("enum").isNull()).as("the misspelt PATCH changed nothing").isTrue();
        assertThat(customReferences()).containsExactly("zone");
    }

    private String createOrganization() {
        HttpResponse organization = operator().post("/api/v1/organizations", Map.of("name", "Attributes"));
        assertThat(organization.status()).isEqualTo(201);
        return organization.body().get("id").asString();
    }

    private String attributesPath() {
        return "/api/v1/organizations/" + organizationId + "/attributes";
    }

    private HttpResponse create(Map<String, ?> request) {
        return operator().post(attributesPath(), request);
    }

    private HttpResponse attribute(String reference) {
        return operator().get(attributesPath() + "/" + reference);
    }

    private HttpResponse patch(String reference, Map<String, ?> changes) {
        return operator().patch(attributesPath() + "/" + reference, changes);
    }

    private List<String> customReferences() {
        List<String> references = new ArrayList<>();
        operator().get(attributesPath()).body().get("data").forEach(a -> {
            if (!a.get("system").asBoolean()) {
                references.add(a.get("reference").asString());
            }
        });
        return references;
    }
}
