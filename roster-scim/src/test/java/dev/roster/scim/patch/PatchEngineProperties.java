package dev.roster.scim.patch;

import static dev.roster.scim.resource.TestJson.fixture;
import static dev.roster.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.ScimException;
import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Schema;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Random mixes of valid and invalid PATCH requests never leave a User invalid or half-changed. */
class PatchEngineProperties {

    private static final ResourceSchema USER = CoreSchemas.user();
    private static final String NO_PATH = "";
    private static final String NO_VALUE = "<none>";

    /** Operations the real clients send, so that sequences reach deep states; mixed with random ones below. */
    private static final List<String> CLIENT_OPERATIONS = List.of(
            "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Tour Guide\"}",
            "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}",
            "{\"op\":\"replace\",\"value\":{\"active\":true}}",
            "{\"op\":\"replace\",\"value\":{\"userName\":\"babs\",\"displayName\":\"Babs\"}}",
            "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"babs@example.com\",\"type\":\"home\",\"primary\":true}]}",
            "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"x@example.com\",\"type\":\"other\"}]}",
            "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"w@example.com\"}",
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"home\\\"].primary\",\"value\":true}",
            "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"other\\\"].primary\",\"value\":\"True\"}",
            "{\"op\":\"remove\",\"path\":\"emails[type eq \\\"work\\\"]\"}",
            "{\"op\":\"remove\",\"path\":\"emails[primary eq true].primary\"}",
            "{\"op\":\"remove\",\"path\":\"emails\"}",
            "{\"op\":\"Add\",\"path\":\"name.givenName\",\"value\":\"Babs\"}",
            "{\"op\":\"remove\",\"path\":\"name\"}",
            "{\"op\":\"add\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\",\"value\":\"2c2f6fb8\"}",
            "{\"op\":\"Remove\",\"path\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager\"}",
            "{\"op\":\"add\",\"value\":{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"department\":\"Tours\"}}}",
            "{\"op\":\"replace\",\"path\":\"phoneNumbers\",\"value\":[{\"value\":\"555-555-8377\",\"type\":\"work\",\"primary\":true}]}",
            "{\"op\":\"Add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"555-555-0000\"}",
            "{\"op\":\"replace\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].primary\",\"value\":true}");

    private static final List<String> OPS = List.of("add", "replace", "remove", "Add", "Replace", "Remove", "move");

    private static final List<String> PATHS = List.of(NO_PATH,
            "userName", "displayName", "title", "active", "externalId", "password",
            "name", "name.givenName", "name.familyName",
            "emails", "emails[type eq \\\"work\\\"]", "emails[type eq \\\"work\\\"].value",
            "emails[type eq \\\"home\\\"].primary", "emails[value co \\\"example\\\"].type", "emails.primary",
            "emails[primary eq true]", "phoneNumbers", "phoneNumbers[type eq \\\"mobile\\\"].value",
            "addresses[type eq \\\"work\\\"].locality",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department",
            "id", "meta.version", "groups", "favoriteColor", "name[givenName eq \\\"x\\\"]", "emails[");

    private static final List<String> VALUES = List.of(NO_VALUE,
            "\"bjensen@example.com\"", "\"\"", "\"  \"", "true", "\"False\"", "\"True\"", "7", "null", "{}", "[]",
            "{\"value\":\"babs@example.com\",\"type\":\"home\",\"primary\":true}",
            "{\"primary\":true}",
            "[{\"value\":\"a@example.com\",\"primary\":true}]",
            "[{\"value\":\"d@example.com\",\"type\":\"work\",\"primary\":\"True\"},{\"value\":\"g@example.com\"}]",
            "[{\"value\":\"1\",\"primary\":true},{\"value\":\"2\",\"primary\":true}]",
            "{\"givenName\":\"Barbara\",\"familyName\":\"Jensen\"}",
            "{\"active\":\"False\",\"name.givenName\":\"Babs\",\"emails[type eq \\\"work\\\"].value\":\"w@example.com\"}",
            "{\"userName\":\"\"}",
            "{\"id\":\"x\",\"displayName\":\"Babs\",\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"]}",
            "{\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"manager\":\"26118915\"}}",
            "{\"emails\":[{\"value\":\"p@example.com\",\"primary\":true}]}");

    private final ResourceNormalizer normalizer = new ResourceNormalizer(USER);
    private final PatchEngine engine = new PatchEngine(USER);

    @Property(tries = 500)
    void patchesNeverLeaveAnInvalidUser(@ForAll("requestSequences") List<String> requests) {
        ObjectNode current = normalizer.normalize(fixture("entra/user-create.json"));
        for (String body : requests) {
            ObjectNode before = current.deepCopy();
            ObjectNode next;
            try {
                next = engine.apply(current, PatchRequest.parse(json(body)));
            } catch (ScimException rejected) {
                Statistics.label("requests").collect(rejected.scimType());
                assertThat(current).isEqualTo(before);
                continue;
            }
            Statistics.label("requests").collect(next.equals(current) ? "applied, no change" : "applied");
            assertThat(current).isEqualTo(before);
            assertThat(normalizer.normalize(next)).isEqualTo(next);
            assertThat(next.get("userName")).isNotNull();
            assertThat(next.get("userName").stringValue()).isNotBlank();
            assertAtMostOnePrimary(next);
            current = next;
        }
    }

    @Provide
    Arbitrary<List<String>> requestSequences() {
        Arbitrary<String> random = Combinators.combine(Arbitraries.of(OPS), Arbitraries.of(PATHS),
                Arbitraries.of(VALUES)).as(PatchEngineProperties::operation);
        Arbitrary<String> operation = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(CLIENT_OPERATIONS)), Tuple.of(1, random));
        Arbitrary<String> request = operation.list().ofMinSize(1).ofMaxSize(2)
                .map(operations -> "{\"Operations\":[" + String.join(",", operations) + "]}");
        return request.list().ofMinSize(1).ofMaxSize(10);
    }

    private static String operation(String op, String path, String value) {
        StringBuilder operation = new StringBuilder("{\"op\":\"").append(op).append('"');
        if (!path.equals(NO_PATH)) {
            operation.append(",\"path\":\"").append(path).append('"');
        }
        if (!value.equals(NO_VALUE)) {
            operation.append(",\"value\":").append(value);
        }
        return operation.append('}').toString();
    }

    private static void assertAtMostOnePrimary(ObjectNode user) {
        assertAtMostOnePrimary(user, USER.core());
        for (Schema extension : USER.extensions()) {
            if (user.get(extension.id()) != null) {
                assertAtMostOnePrimary(user.get(extension.id()), extension);
            }
        }
    }

    private static void assertAtMostOnePrimary(JsonNode container, Schema schema) {
        for (AttributeDefinition attribute : schema.attributes()) {
            JsonNode values = container.get(attribute.name());
            if (attribute.multiValued() && values != null) {
                long primaries = values.values().stream()
                        .filter(v -> v.get("primary") != null && v.get("primary").booleanValue()).count();
                assertThat(primaries).as(attribute.name()).isLessThanOrEqualTo(1);
            }
        }
    }
}
