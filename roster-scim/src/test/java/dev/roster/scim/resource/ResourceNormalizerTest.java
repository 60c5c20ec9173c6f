package dev.roster.scim.resource;

import static dev.roster.scim.resource.TestJson.fixture;
import static dev.roster.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.CoreSchemas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class ResourceNormalizerTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private final ResourceNormalizer users = new ResourceNormalizer(CoreSchemas.user());
    private final ResourceNormalizer groups = new ResourceNormalizer(CoreSchemas.group());

    @Test
    void normalizeWhenOktaCreatesUserThenDropsPasswordGroupsAndKeepsTheRest() {
        ObjectNode user = users.normalize(fixture("okta/user-create.json"));

        assertThat(user).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "externalId":"00ujl29u0le5T6Aj10h7",
                 "userName":"test.user@okta.local",
                 "name":{"familyName":"User","givenName":"Test"},
                 "displayName":"Test User",
                 "locale":"en-US",
                 "active":true,
                 "emails":[{"value":"test.user@okta.local","type":"work","primary":true}]}
                """));
    }

    @Test
    void normalizeWhenEntraCreatesUserThenDropsMetaEmptyRolesAndUnusedExtension() {
        ObjectNode user = users.normalize(fixture("entra/user-create.json"));

        assertThat(user.get("schemas")).isEqualTo(json("[\"urn:ietf:params:scim:schemas:core:2.0:User\"]"));
        assertThat(user.has("meta")).isFalse();
        assertThat(user.has("roles")).isFalse();
        assertThat(user.at("/name/formatted").stringValue()).isEqualTo("givenName familyName");
    }

    @Test
    void normalizeWhenGroupMembersCarryDisplayThenDropsReadOnlyDisplay() {
        ObjectNode group = groups.normalize(fixture("okta/group-create.json"));

        assertThat(group.get("members")).isEqualTo(json("[{\"value\":\"b1c794f24f4c49f4b5d503a4cb2686ea\"}]"));
    }

    @Test
    void normalizeWhenEntraCreatesGroupThenKeepsDisplayNameAndExternalId() {
        ObjectNode group = groups.normalize(fixture("entra/group-create.json"));

        assertThat(group).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "externalId":"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159","displayName":"displayName"}
                """));
    }

    @Test
    void normalizeWhenKeysHaveOtherCaseThenRewritesToCanonicalCase() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:user"],
                 "USERNAME":"bjensen","Name":{"GIVENNAME":"Barbara"},"emails":[{"VALUE":"b@example.com","Type":"work"}]}
                """));

        assertThat(user).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen",
                 "name":{"givenName":"Barbara"},"emails":[{"value":"b@example.com","type":"work"}]}
                """));
    }

    @Test
    void normalizeWhenExtensionIsObjectOrQualifiedKeyThenFoldsUnderUrn() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"DEPARTMENT":"Tour Operations"},
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber":"701984"}
                """));

        assertThat(user.get("schemas")).isEqualTo(json(
                "[\"urn:ietf:params:scim:schemas:core:2.0:User\",\"" + ENTERPRISE + "\"]"));
        assertThat(user.get(ENTERPRISE)).isEqualTo(json(
                "{\"employeeNumber\":\"701984\",\"department\":\"Tour Operations\"}"));
    }

    @Test
    void normalizeWhenCoreQualifiedKeyThenFoldsIntoCore() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "urn:ietf:params:scim:schemas:core:2.0:User:userName":"bjensen"}
                """));

        assertThat(user.get("userName").stringValue()).isEqualTo("bjensen");
    }

    @Test
    void normalizeWhenEntraSendsManagerAsStringThenWrapsItAsValue() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":"26118915-6090-4610-87e4-49d8ca9f808d"}}
                """));

        assertThat(user.at("/" + ENTERPRISE.replace("/", "~1") + "/manager"))
                .isEqualTo(json("{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\"}"));
    }

    @Test
    void normalizeWhenManagerHasOnlyReadOnlyDisplayNameThenManagerAndExtensionAreUnassigned() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"bjensen",
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"manager":{"displayName":"John Smith"}}}
                """));

        assertThat(user.has(ENTERPRISE)).isFalse();
        assertThat(user.get("schemas")).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource({"True,true", "False,false", "true,true", "false,false"})
    void normalizeWhenEntraSendsBooleanAsStringThenCoercesIt(String sent, boolean stored) {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","active":"%s"}
                """.formatted(sent)));

        assertThat(user.get("active").isBoolean()).isTrue();
        assertThat(user.get("active").booleanValue()).isEqualTo(stored);
    }

    @Test
    void normalizeWhenNullsEmptiesAndPrimaryFalseThenRemovesThemButKeepsEmptyStrings() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen",
                 "title":null,"nickName":"","name":{},"phoneNumbers":[],"addresses":[{}, null],
                 "emails":[{"value":"a@example.com","primary":false},{"value":"b@example.com","primary":"True"}]}
                """));

        assertThat(user).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","nickName":"",
                 "emails":[{"value":"a@example.com"},{"value":"b@example.com","primary":true}]}
                """));
    }

    @Test
    void normalizeWhenReadOnlyAttributesGivenThenIgnoresThem() {
        ObjectNode user = users.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","userName":"bjensen",
                 "meta":{"resourceType":"User","version":"W/\\"a330bc54f0671c9\\""},
                 "groups":[{"value":"e9e30dba","display":"Tour Guides"}]}
                """));

        assertThat(user).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen"}
                """));
    }

    @Test
    void normalizeWhenAlreadyNormalThenReturnsEqualDocument() {
        ObjectNode once = users.normalize(fixture("okta/user-create.json"));

        assertThat(users.normalize(once)).isEqualTo(once).isNotSameAs(once);
    }

    @Test
    void normalizeWhenInputIsNormalizedThenInputIsUnchanged() {
        JsonNode input = fixture("entra/user-create.json");
        JsonNode copy = input.deepCopy();

        users.normalize(input);

        assertThat(input).isEqualTo(copy);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [1,2]                                                                                          | invalidSyntax
            {"userName":"bjensen"}                                                                         | invalidSyntax
            {"schemas":"urn:ietf:params:scim:schemas:core:2.0:User","userName":"bjensen"}                   | invalidSyntax
            {"schemas":[7],"userName":"bjensen"}                                                           | invalidSyntax
            {"schemas":["urn:example:unknown"],"userName":"bjensen"}                                        | invalidValue
            {"schemas":["urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],"userName":"bjensen"} | invalidValue
            """)
    void normalizeWhenSchemasWrongThenRejects(String document, String scimType) {
        assertThatThrownBy(() -> users.normalize(json(document)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(scimType));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            "favoriteColor":"blue"                              | favoriteColor
            "name":{"nick":"B"}                                 | name.nick
            "emails":[{"value":"a@example.com","label":"x"}]    | emails.label
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"badge":"1"} | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge":"1"     | urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:badge
            "active":"yes"                                      | active
            "active":1                                          | active
            "title":42                                          | title
            "title":["a"]                                       | title
            "emails":{"value":"a@example.com"}                  | emails
            "emails":["a@example.com"]                          | emails
            "name":"Barbara Jensen"                             | name
            "userName":""                                       | userName
            "userName":null                                     | userName
            "USERNAME":"other"                                  | userName
            "emails":[{"value":"a@example.com","primary":true},{"value":"b@example.com","primary":true}] | emails
            """)
    void normalizeWhenAttributeInvalidThenInvalidValueNamesIt(String members, String named) {
        String document = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bjensen\","
                + members + "}";
        String adjusted = members.startsWith("\"userName\"") ? document.replace("\"userName\":\"bjensen\",", "")
                : document;

        assertThatThrownBy(() -> users.normalize(json(adjusted)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).contains(named);
                });
    }

    @Test
    void normalizeWhenGroupHasNoDisplayNameThenInvalidValue() {
        assertThatThrownBy(() -> groups.normalize(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"members":[{"value":"x"}]}
                """)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void normalizeWhenDateTimeOrNumberTypesThenChecksThem() {
        ResourceNormalizer normalizer = new ResourceNormalizer(CoreSchemas.user());
        var meta = CoreSchemas.COMMON_ATTRIBUTES.get(2).subAttribute("created").orElseThrow();

        assertThat(normalizer.normalizeElement(meta, json("\"2011-08-01T21:32:44.882Z\""), "meta.created"))
                .isEqualTo(json("\"2011-08-01T21:32:44.882Z\""));
        assertThatThrownBy(() -> normalizer.normalizeElement(meta, json("\"yesterday\""), "meta.created"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }
}
