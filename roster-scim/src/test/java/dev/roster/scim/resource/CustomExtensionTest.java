package dev.roster.scim.resource;

import static dev.roster.scim.resource.TestJson.json;
import static dev.roster.scim.resource.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import dev.roster.scim.patch.PatchEngine;
import dev.roster.scim.patch.PatchRequest;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Returned;
import dev.roster.scim.schema.Schema;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ObjectNode;

/** An extension like an organization's custom attributes: values restricted to an enum, advice for unknown names. */
class CustomExtensionTest {

    private static final String URN = "urn:example:params:1.0:UserAttribute";
    private static final ResourceSchema USER = new ResourceSchema("User", "/Users", CoreSchemas.USER,
            List.of(new Schema(URN, "UserAttribute", "Custom attributes", List.of(
                    AttributeDefinition.builder("role", AttributeType.STRING).mutability(Mutability.READ_ONLY)
                            .returned(Returned.NEVER).build(),
                    AttributeDefinition.builder("department", AttributeType.STRING)
                            .allowedValues(List.of("Sales", "Engineering")).build(),
                    AttributeDefinition.builder("code", AttributeType.STRING).caseExact()
                            .allowedValues(List.of("A1")).build(),
                    AttributeDefinition.builder("level", AttributeType.INTEGER)
                            .allowedValues(List.of("1", "2")).build(),
                    AttributeDefinition.builder("rate", AttributeType.DECIMAL)
                            .allowedValues(List.of("1.5")).build(),
                    AttributeDefinition.builder("shift", AttributeType.DATE_TIME)
                            .allowedValues(List.of("2024-05-01T09:00:00Z")).build(),
                    AttributeDefinition.builder("tags", AttributeType.STRING).multiValued()
                            .allowedValues(List.of("red", "blue")).build(),
                    AttributeDefinition.builder("score", AttributeType.DECIMAL).build()),
                    "define it first")),
            CoreSchemas.COMMON_ATTRIBUTES);

    private final ResourceNormalizer normalizer = new ResourceNormalizer(USER);
    private final PatchEngine patchEngine = new PatchEngine(USER);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            department | "sales"                     | "Sales"
            code       | "A1"                        | "A1"
            level      | 2                           | 2
            rate       | 1.50                        | 1.50
            shift      | "2024-05-01T11:00:00+02:00" | "2024-05-01T09:00:00Z"
            tags       | ["BLUE","red"]              | ["blue","red"]
            """)
    void normalizeWhenValueAllowedByMeaningThenStoredWithDefinedSpelling(String name, String given,
                                                                           String stored) {
        ObjectNode user = normalizer.normalize(user("{\"" + name + "\":" + given + "}"));

        assertThat(user.get(URN).get(name)).isEqualTo(json(stored));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            department | "HR"                   | must be one of "Sales", "Engineering", got "HR"
            code       | "a1"                   | must be one of "A1"
            level      | 3                      | must be one of 1, 2, got 3
            shift      | "2024-05-01T09:00:00+02:00" | must be one of "2024-05-01T09:00:00Z"
            tags       | ["red","green"]        | must be one of "red", "blue", got "green"
            """)
    void normalizeWhenValueOutsideAllowedValuesThenInvalidValueListingThem(String name, String given,
                                                                          String detail) {
        assertThatThrownBy(() -> normalizer.normalize(user("{\"" + name + "\":" + given + "}")))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains("'" + URN + ":" + name + "'").contains(detail);
                });
    }

    @Test
    void normalizeWhenNumberBeyondDoubleRangeThenInvalidValueInsteadOfInfinity() {
        assertThatThrownBy(() -> normalizer.normalize(user("{\"score\":1e400}")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail())
                        .isEqualTo("attribute '" + URN + ":score' must be a finite number, got Infinity"));
        assertThat(normalizer.normalize(user("{\"score\":1e300}")).get(URN).get("score").doubleValue())
                .isEqualTo(1e300);
    }

    @Test
    void normalizeWhenUndefinedAttributeThenInvalidValueWithSchemaAdvice() {
        assertThatThrownBy(() -> normalizer.normalize(user("{\"cost_center\":\"x\"}")))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail())
                        .isEqualTo("unknown attribute '" + URN + ":cost_center'; define it first"));
    }

    @Test
    void patchWhenPathNamesUndefinedAttributeThenInvalidValueWithSchemaAdvice() {
        assertThatThrownBy(() -> patch("{\"op\":\"add\",\"path\":\"" + URN + ":cost_center\",\"value\":\"x\"}"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).endsWith("; define it first");
                });
    }

    @Test
    void patchWhenValueOutsideAllowedValuesThenInvalidValue() {
        assertThatThrownBy(() -> patch("{\"op\":\"add\",\"path\":\"" + URN + ":tags\",\"value\":[\"green\"]}"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void patchWhenNeverReturnedReadOnlyAttributeInPathLessValueThenMutability() {
        assertThatThrownBy(() -> patch("{\"op\":\"replace\",\"value\":{\"" + URN + "\":{\"role\":\"admin\"}}}"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("mutability"));
    }

    @Test
    void normalizeWhenNeverReturnedReadOnlyAttributeInBodyThenIgnored() {
        ObjectNode user = normalizer.normalize(user("{\"role\":\"admin\"}"));

        assertThat(user.has(URN)).isFalse();
        assertThat(user.get("schemas")).isEqualTo(json("[\"urn:ietf:params:scim:schemas:core:2.0:User\"]"));
    }

    private static ObjectNode user(String extension) {
        return object("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + URN + "\"],"
                + "\"userName\":\"ada\",\"" + URN + "\":" + extension + "}");
    }

    private ObjectNode patch(String operation) {
        return patchEngine.apply(normalizer.normalize(user("{}")),
                PatchRequest.parse(json("{\"Operations\":[" + operation + "]}")));
    }
}
