package dev.roster.scim.projection;

import static dev.roster.scim.ScimConstants.ENTERPRISE_USER_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Returned;
import dev.roster.scim.schema.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class AttributeProjectionTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final ResourceSchema USER = CoreSchemas.user();
    private static final ObjectNode BJENSEN = fixture("rfc7643/enterprise-user.json");

    @Test
    void applyWhenNoParametersThenEverythingButPasswordIsReturned() {
        ObjectNode expected = BJENSEN.deepCopy();
        expected.remove("password");

        assertThat(AttributeProjection.of(USER, null, " ").apply(BJENSEN)).isEqualTo(expected);
    }

    @Test
    void applyThenInputIsUnchanged() {
        ObjectNode before = BJENSEN.deepCopy();

        ObjectNode projected = AttributeProjection.of(USER, null, null).apply(BJENSEN);
        ((ObjectNode) projected.get("name")).put("givenName", "Changed");
        ((ObjectNode) projected.get("emails").get(0)).remove("value");

        assertThat(BJENSEN).isEqualTo(before);
    }

    /** Each row: the attributes parameter and what is returned besides schemas and id (returned "always"). */
    static Stream<Arguments> attributesCases() {
        return Stream.of(
                Arguments.of("userName", "{'userName': 'bjensen@example.com'}"),
                Arguments.of("USERNAME", "{'userName': 'bjensen@example.com'}"),
                Arguments.of("urn:ietf:params:scim:schemas:core:2.0:User:userName",
                        "{'userName': 'bjensen@example.com'}"),
                Arguments.of("id", "{}"),
                Arguments.of("schemas", "{}"),
                Arguments.of("password", "{}"),
                Arguments.of("name.givenName", "{'name': {'givenName': 'Barbara'}}"),
                Arguments.of("Name.GivenName,name.familyName",
                        "{'name': {'givenName': 'Barbara', 'familyName': 'Jensen'}}"),
                Arguments.of("name", "{'name': " + BJENSEN.get("name") + "}"),
                Arguments.of("name,name.givenName", "{'name': " + BJENSEN.get("name") + "}"),
                Arguments.of("emails.value",
                        "{'emails': [{'value': 'bjensen@example.com'}, {'value': 'babs@jensen.org'}]}"),
                Arguments.of("emails.display", "{}"),
                Arguments.of("groups.display", "{'groups': [{'display': 'Tour Guides'}, {'display': 'Employees'},"
                        + " {'display': 'US Employees'}]}"),
                Arguments.of("meta.created", "{'meta': {'created': '2010-01-23T04:56:22Z'}}"),
                Arguments.of("userName, displayName ,",
                        "{'userName': 'bjensen@example.com', 'displayName': 'Babs Jensen'}"),
                Arguments.of(ENTERPRISE_USER_SCHEMA + ":department",
                        "{'" + ENTERPRISE_USER_SCHEMA + "': {'department': 'Tour Operations'}}"),
                Arguments.of(ENTERPRISE_USER_SCHEMA.toLowerCase() + ":Department",
                        "{'" + ENTERPRISE_USER_SCHEMA + "': {'department': 'Tour Operations'}}"),
                Arguments.of(ENTERPRISE_USER_SCHEMA + ":manager.displayName",
                        "{'" + ENTERPRISE_USER_SCHEMA + "': {'manager': {'displayName': 'John Smith'}}}"),
                Arguments.of(ENTERPRISE_USER_SCHEMA,
                        "{'" + ENTERPRISE_USER_SCHEMA + "': " + BJENSEN.get(ENTERPRISE_USER_SCHEMA) + "}"),
                Arguments.of("department", "{}"),
                Arguments.of("userName,nickName2,name.nickName,urn:example:custom:1.0:User:badge",
                        "{'userName': 'bjensen@example.com'}"));
    }

    @ParameterizedTest(name = "attributes={0}")
    @MethodSource("attributesCases")
    void applyWhenAttributesThenOnlyNamedAndAlwaysReturned(String attributes, String returned) {
        ObjectNode expected = (ObjectNode) json(returned);
        expected.set("schemas", BJENSEN.get("schemas"));
        expected.set("id", BJENSEN.get("id"));

        assertThat(AttributeProjection.of(USER, attributes, null).apply(BJENSEN)).isEqualTo(expected);
    }

    /**
     * Each row: the excludedAttributes parameter and the JSON pointers it removes from the default response;
     * {@code <enterprise>} stands for the Enterprise User URN.
     */
    @ParameterizedTest(name = "excludedAttributes={0}")
    @CsvSource(delimiter = '|', textBlock = """
            userName                            | /userName
            id,schemas                          |
            password                            |
            name                                | /name
            name.givenName,NAME.FAMILYNAME      | /name/givenName, /name/familyName
            emails.type                         | /emails/0/type, /emails/1/type
            x509Certificates.value              | /x509Certificates
            groups,meta                         | /groups, /meta
            <enterprise>                        | /<enterprise>
            <enterprise>:manager                | /<enterprise>/manager
            <enterprise>:manager.$ref           | /<enterprise>/manager/$ref
            unknownAttribute                    |
            """)
    void applyWhenExcludedAttributesThenDefaultsLessNamed(String excludedAttributes, String removedPointers) {
        ObjectNode expected = BJENSEN.deepCopy();
        expected.remove("password");
        if (removedPointers != null) {
            for (String pointer : enterprise(removedPointers).split(",")) {
                remove(expected, pointer.strip());
            }
        }

        assertThat(AttributeProjection.of(USER, null, enterprise(excludedAttributes)).apply(BJENSEN))
                .isEqualTo(expected);
    }

    @Test
    void applyWhenEveryExtensionAttributeExcludedThenExtensionOmittedAndSchemasUnchanged() {
        String excluded = Stream.of("employeeNumber", "costCenter", "organization", "division", "department",
                "manager").map(a -> ENTERPRISE_USER_SCHEMA + ":" + a).reduce((a, b) -> a + "," + b).orElseThrow();

        ObjectNode projected = AttributeProjection.of(USER, null, excluded).apply(BJENSEN);

        assertThat(projected.has(ENTERPRISE_USER_SCHEMA)).isFalse();
        assertThat(projected.get("schemas")).isEqualTo(BJENSEN.get("schemas"));
    }

    @Test
    void applyWhenMemberNotInSchemaThenDropped() {
        ObjectNode resource = BJENSEN.deepCopy();
        resource.put("internalNote", "not advertised");
        ((ObjectNode) resource.get("name")).put("nickname", "not a sub-attribute");

        ObjectNode projected = AttributeProjection.of(USER, null, null).apply(resource);

        assertThat(projected.has("internalNote")).isFalse();
        assertThat(projected.get("name")).isEqualTo(BJENSEN.get("name"));
    }

    @Test
    void ofWhenBothParametersThenInvalidValue() {
        assertThatThrownBy(() -> AttributeProjection.of(USER, "userName", "emails"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"name..givenName", "name.givenName.x", ".name", "name.", "user name", "9lives",
            ENTERPRISE_USER_SCHEMA + ":", ENTERPRISE_USER_SCHEMA + ":manager..value"})
    void ofWhenNameMalformedThenInvalidValue(String attributes) {
        assertThatThrownBy(() -> AttributeProjection.of(USER, attributes, null))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains(attributes);
                });
        assertThatThrownBy(() -> AttributeProjection.of(USER, null, attributes))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Nested
    class Includes {

        private final ResourceSchema group = CoreSchemas.group();

        @ParameterizedTest(name = "attributes={0} excludedAttributes={1} includes({2})")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                -                   | -                | members         | true
                -                   | members          | members         | false
                -                   | MEMBERS          | members         | false
                -                   | members.display  | members         | true
                -                   | members.display  | members.display | false
                -                   | members.display  | members.value   | true
                displayName         | -                | members         | false
                displayName         | -                | id              | true
                members.value       | -                | members         | true
                members.value       | -                | members.value   | true
                members.value       | -                | members.display | false
                members             | -                | members.display | true
                -                   | displayName      | urn:ietf:params:scim:schemas:core:2.0:Group:DisplayName | false
                -                   | id               | id              | true
                """)
        void includesWhenGroupProjectedThenMatchesApply(String attributes, String excluded, String name,
                                                        boolean expected) {
            assertThat(AttributeProjection.of(group, attributes, excluded).includes(name)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "attributes={0} excludedAttributes={1} includes({2})")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                -                           | -        | groups                    | true
                -                           | groups   | groups                    | false
                -                           | -        | password                  | false
                password                    | -        | password                  | false
                userName                    | -        | <enterprise>              | false
                -                           | -        | <enterprise>              | true
                <enterprise>:manager.value  | -        | <enterprise>              | true
                <enterprise>:manager.value  | -        | <enterprise>:manager      | true
                <enterprise>:manager.value  | -        | <enterprise>:department   | false
                """)
        void includesWhenUserProjectedThenMatchesApply(String attributes, String excluded, String name,
                                                       boolean expected) {
            AttributeProjection projection = AttributeProjection.of(USER, enterprise(attributes), excluded);

            assertThat(projection.includes(enterprise(name))).isEqualTo(expected);
        }

        @ParameterizedTest
        @ValueSource(strings = {"member", "members.email", "urn:example:custom:1.0:Group:x", "members..value"})
        void includesWhenNameNotDefinedThenIllegalArgument(String name) {
            AttributeProjection projection = AttributeProjection.of(group, null, null);

            assertThatThrownBy(() -> projection.includes(name)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** Roster's core schemas return nothing on "request" only, so this resource type adds such attributes. */
    @Nested
    class ReturnedOnRequest {

        private final ResourceSchema device = new ResourceSchema("Device", "/Devices",
                new Schema("urn:example:params:scim:schemas:core:1.0:Device", "Device", "Device", List.of(
                        AttributeDefinition.builder("label", AttributeType.STRING).build(),
                        AttributeDefinition.builder("lastSeen", AttributeType.DATE_TIME).returned(Returned.REQUEST)
                                .build(),
                        AttributeDefinition.builder("owner", AttributeType.COMPLEX).subAttributes(
                                AttributeDefinition.builder("value", AttributeType.STRING).build(),
                                AttributeDefinition.builder("secretHint", AttributeType.STRING)
                                        .returned(Returned.REQUEST).build(),
                                AttributeDefinition.builder("token", AttributeType.STRING)
                                        .returned(Returned.NEVER).build()).build())),
                List.of(), CoreSchemas.COMMON_ATTRIBUTES);

        private final ObjectNode laptop = (ObjectNode) json("""
                {'schemas': ['urn:example:params:scim:schemas:core:1.0:Device'], 'id': 'd1', 'label': 'laptop',
                 'lastSeen': '2025-01-01T00:00:00Z', 'owner': {'value': 'u1', 'secretHint': 'blue', 'token': 't'}}
                """);

        /** Each row: the parameters and what is returned besides schemas and id. */
        @ParameterizedTest(name = "attributes={0} excludedAttributes={1}")
        @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
                -                  | -      | {'label': 'laptop', 'owner': {'value': 'u1'}}
                -                  | label  | {'owner': {'value': 'u1'}}
                -                  | owner  | {'label': 'laptop'}
                lastSeen           | -      | {'lastSeen': '2025-01-01T00:00:00Z'}
                owner              | -      | {'owner': {'value': 'u1'}}
                owner.secretHint   | -      | {'owner': {'secretHint': 'blue'}}
                owner.token        | -      | {}
                """)
        void applyWhenReturnedOnRequestThenOnlyWhenNamed(String attributes, String excluded, String returned) {
            ObjectNode expected = (ObjectNode) json(returned);
            expected.set("schemas", laptop.get("schemas"));
            expected.set("id", laptop.get("id"));

            assertThat(AttributeProjection.of(device, attributes, excluded).apply(laptop)).isEqualTo(expected);
        }
    }

    private static void remove(ObjectNode document, String pointer) {
        int slash = pointer.lastIndexOf('/');
        String parent = pointer.substring(0, slash);
        String name = pointer.substring(slash + 1);
        ((ObjectNode) (parent.isEmpty() ? document : document.at(parent))).remove(name);
    }

    private static String enterprise(String text) {
        return text == null ? null : text.replace("<enterprise>", ENTERPRISE_USER_SCHEMA);
    }

    private static JsonNode json(String singleQuoted) {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }

    private static ObjectNode fixture(String path) {
        try (InputStream in = AttributeProjectionTest.class.getClassLoader().getResourceAsStream(path)) {
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
