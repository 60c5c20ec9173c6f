package dev.roster.scim.patch;

import static dev.roster.scim.resource.TestJson.fixture;
import static dev.roster.scim.resource.TestJson.json;
import static dev.roster.scim.resource.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class PatchEngineTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final ResourceSchema USER = CoreSchemas.user();
    private static final ResourceSchema GROUP = CoreSchemas.group();

    private final ObjectNode oktaUser = stored(USER, "okta/user-create.json");
    private final ObjectNode entraUser = stored(USER, "entra/user-create.json");
    private final ObjectNode oktaGroup = stored(GROUP, "okta/group-create.json");
    private final ObjectNode entraGroup = stored(GROUP, "entra/group-create.json");

    private static ObjectNode applyUser(ObjectNode resource, String fixture) {
        return new PatchEngine(USER).apply(resource, PatchRequest.parse(fixture(fixture)));
    }

    private static ObjectNode applyGroup(ObjectNode resource, String fixture) {
        return new PatchEngine(GROUP).apply(resource, PatchRequest.parse(fixture(fixture)));
    }

    private static ObjectNode stored(ResourceSchema schema, String fixture) {
        return new ResourceNormalizer(schema).normalize(fixture(fixture));
    }

    private static ObjectNode patch(ResourceSchema schema, ObjectNode resource, String operations) {
        return new PatchEngine(schema).apply(resource,
                PatchRequest.parse(json("{\"Operations\":" + operations + "}")));
    }

    private static String scimTypeOf(Runnable action) {
        try {
            action.run();
        } catch (ScimException e) {
            return e.scimType();
        }
        throw new AssertionError("expected a ScimException");
    }



    @Test
    void applyWhenOktaDeactivatesThenOnlyActiveChanges() {
        ObjectNode result = applyUser(oktaUser, "okta/patch-deactivate.json");

        ObjectNode expected = oktaUser.deepCopy();
        expected.put("active", false);
        assertThat(result).isEqualTo(expected);
    }

    @Test
    void applyWhenOktaReplacesProfileWithoutPathThenMergesNameReplacesEmailsIgnoresId() {
        ObjectNode result = applyUser(oktaUser, "okta/patch-replace-profile.json");

        assertThat(result.has("id")).isFalse();
        assertThat(result.get("name")).isEqualTo(json("{\"familyName\":\"User\",\"givenName\":\"Another\"}"));
        assertThat(result.get("emails")).isEqualTo(json(
                "[{\"value\":\"another.user@okta.local\",\"type\":\"work\",\"primary\":true}]"));
        assertThat(result.get("displayName").stringValue()).isEqualTo("Another User");
        assertThat(result.get("externalId")).isEqualTo(oktaUser.get("externalId"));
    }

    @Test
    void applyWhenOktaChangesPasswordThenNothingIsStored() {
        assertThat(applyUser(oktaUser, "okta/patch-password.json")).isEqualTo(oktaUser);
    }

    @Test
    void applyWhenEntraReplacesWorkEmailThenUpdatesTheMatchingValue() {
        ObjectNode result = applyUser(entraUser, "entra/patch-replace-emails.json");

        assertThat(result.get("emails")).isEqualTo(json(
                "[{\"value\":\"updatedEmail@microsoft.com\",\"type\":\"work\",\"primary\":true}]"));
        assertThat(result.at("/name/familyName").stringValue()).isEqualTo("updatedFamilyName");
    }

    @Test
    void applyWhenEntraReplacesWorkEmailAndUserHasNoneThenAddsWorkEmail() {
        ObjectNode user = entraUser.deepCopy();
        user.remove("emails");

        ObjectNode result = applyUser(user, "entra/patch-replace-emails.json");

        assertThat(result.get("emails")).isEqualTo(json(
                "[{\"value\":\"updatedEmail@microsoft.com\",\"type\":\"work\"}]"));
    }

    @Test
    void applyWhenEntraAddsWorkEmailAndTitleThenBothApply() {
        ObjectNode result = applyUser(entraUser, "entra/patch-title-and-work-email.json");

        assertThat(result.get("title").stringValue()).isEqualTo("tester");
        assertThat(result.get("emails")).isEqualTo(json(
                "[{\"value\":\"joe@joe.com\",\"type\":\"work\",\"primary\":true}]"));
    }

    @Test
    void applyWhenEntraAddsGivenNameThenSetsSubAttribute() {
        ObjectNode user = oktaUser.deepCopy();
        user.remove("name");

        ObjectNode result = applyUser(user, "entra/patch-add-given-name.json");

        assertThat(result.get("name")).isEqualTo(json("{\"givenName\":\"Jane\"}"));
    }

    @Test
    void applyWhenEntraDeactivatesWithStringFalseThenStoresBoolean() {
        ObjectNode result = applyUser(entraUser, "entra/patch-deactivate.json");

        assertThat(result.get("active").isBoolean()).isTrue();
        assertThat(result.get("active").booleanValue()).isFalse();
    }

    @Test
    void applyWhenEntraAddsAndRemovesManagerThenExtensionComesAndGoes() {
        ObjectNode managed = applyUser(entraUser, "entra/patch-add-manager.json");

        assertThat(managed.get(ENTERPRISE)).isEqualTo(json(
                "{\"manager\":{\"value\":\"2c2f6fb8-254f-492e-b7fe-c09c5a61c8a2\"}}"));
        assertThat(managed.get("schemas")).hasSize(2);

        ObjectNode unmanaged = applyUser(managed, "entra/patch-remove-manager.json");

        assertThat(unmanaged).isEqualTo(entraUser);
    }

    @Test
    void applyWhenEntraReplacesWithoutPathUsingDottedAndQualifiedKeysThenAppliesEach() {
        ObjectNode result = applyUser(entraUser, "entra/patch-replace-without-path.json");

        assertThat(result.get("displayName").stringValue()).isEqualTo("Pvlo");
        assertThat(result.at("/emails/0/value").stringValue()).isEqualTo("TestBcwqnm@test.microsoft.com");
        assertThat(result.get("name")).isEqualTo(json(
                "{\"formatted\":\"givenName familyName\",\"familyName\":\"Pkqf\",\"givenName\":\"Gtfd\"}"));
        assertThat(result.get("externalId").stringValue()).isEqualTo("Eqpj");
        assertThat(result.get(ENTERPRISE)).isEqualTo(json("{\"employeeNumber\":\"Eqpj\"}"));
    }

    @Test
    void applyWhenAddWithoutPathHasExtensionObjectThenMergesIt() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"add","value":{"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                  {"department":"Tour Operations","manager":{"value":"26118915"}}}}]
                """);

        assertThat(result.get(ENTERPRISE)).isEqualTo(json(
                "{\"department\":\"Tour Operations\",\"manager\":{\"value\":\"26118915\"}}"));
    }

    @Test
    void applyWhenAddingEmailsThenAppendsAndSkipsExactDuplicates() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"add","path":"emails","value":[
                   {"value":"test.user@okta.local","type":"work","primary":true},
                   {"value":"babs@jensen.org","type":"home"}]}]
                """);

        assertThat(result.get("emails")).isEqualTo(json("""
                [{"value":"test.user@okta.local","type":"work","primary":true},
                 {"value":"babs@jensen.org","type":"home"}]
                """));
    }

    @Test
    void applyWhenAddingPrimaryEmailThenOtherEmailLosesPrimary() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"add","path":"emails","value":[{"value":"babs@jensen.org","type":"home","primary":true}]}]
                """);

        assertThat(result.get("emails")).isEqualTo(json("""
                [{"value":"test.user@okta.local","type":"work"},
                 {"value":"babs@jensen.org","type":"home","primary":true}]
                """));
    }

    @Test
    void applyWhenSettingPrimaryThroughFilterThenOtherEmailLosesPrimary() {
        ObjectNode twoEmails = patch(USER, oktaUser, """
                [{"op":"add","path":"emails","value":[{"value":"babs@jensen.org","type":"home"}]}]
                """);

        ObjectNode result = patch(USER, twoEmails, """
                [{"op":"replace","path":"emails[type eq \\"home\\"].primary","value":"True"}]
                """);

        assertThat(result.get("emails")).isEqualTo(json("""
                [{"value":"test.user@okta.local","type":"work"},
                 {"value":"babs@jensen.org","type":"home","primary":true}]
                """));
    }

    @Test
    void applyWhenReplacingEmailsWithoutFilterThenReplacesTheList() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"replace","path":"emails","value":[{"value":"babs@jensen.org","type":"home"}]}]
                """);

        assertThat(result.get("emails")).isEqualTo(json("[{\"value\":\"babs@jensen.org\",\"type\":\"home\"}]"));
    }

    @Test
    void applyWhenReplacingWholeMatchedElementThenMergesIntoIt() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"replace","path":"emails[type eq \\"work\\"]","value":{"value":"babs@jensen.org"}}]
                """);

        assertThat(result.get("emails")).isEqualTo(json(
                "[{\"value\":\"babs@jensen.org\",\"type\":\"work\",\"primary\":true}]"));
    }

    @Test
    void applyWhenReplacingComplexThenUnnamedSubAttributesStay() {
        ObjectNode result = patch(USER, entraUser, """
                [{"op":"replace","path":"name","value":{"givenName":"Barbara"}}]
                """);

        assertThat(result.get("name")).isEqualTo(json(
                "{\"formatted\":\"givenName familyName\",\"familyName\":\"familyName\",\"givenName\":\"Barbara\"}"));
    }

    @Test
    void applyWhenReplacingWithNullThenAttributeIsUnassigned() {
        ObjectNode result = patch(USER, oktaUser, "[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":null}]");

        assertThat(result.has("displayName")).isFalse();
    }

    @Test
    void applyWhenRemovingSubAttributeOrMatchedValuesThenTheyGo() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"remove","path":"name.givenName"},
                 {"op":"remove","path":"emails[type eq \\"work\\"]"}]
                """);

        assertThat(result.get("name")).isEqualTo(json("{\"familyName\":\"User\"}"));
        assertThat(result.has("emails")).isFalse();
    }

    @Test
    void applyWhenRemovingAbsentTargetsThenNothingChanges() {
        ObjectNode result = patch(USER, oktaUser, """
                [{"op":"remove","path":"title"},
                 {"op":"remove","path":"emails[type eq \\"home\\"]"},
                 {"op":"remove","path":"phoneNumbers"},
                 {"op":"remove","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager"}]
                """);

        assertThat(result).isEqualTo(oktaUser);
    }

    @Test
    void applyWhenSucceedsThenInputIsUnchanged() {
        ObjectNode before = oktaUser.deepCopy();

        applyUser(oktaUser, "okta/patch-replace-profile.json");

        assertThat(oktaUser).isEqualTo(before);
    }

    @Test
    void applyWhenLaterOperationFailsThenNothingIsAppliedAndInputUnchanged() {
        ObjectNode before = oktaUser.deepCopy();

        assertThatThrownBy(() -> patch(USER, oktaUser, """
                [{"op":"replace","path":"active","value":false},
                 {"op":"replace","path":"favoriteColor","value":"blue"}]
                """)).isInstanceOf(ScimException.class);
        assertThat(oktaUser).isEqualTo(before);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"op":"replace","path":"id","value":"x"}                                  | mutability
            {"op":"add","path":"meta","value":{"resourceType":"User"}}                | mutability
            {"op":"replace","path":"meta.version","value":"W/\\"1\\""}               | mutability
            {"op":"remove","path":"meta"}                                             | mutability
            {"op":"add","path":"groups","value":[{"value":"g1"}]}                     | mutability
            {"op":"replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName","value":"x"} | mutability
            {"op":"replace","path":"favoriteColor","value":"blue"}                    | invalidPath
            {"op":"replace","path":"name.nick","value":"B"}                           | invalidPath
            {"op":"replace","path":"userName.first","value":"B"}                      | invalidPath
            {"op":"replace","path":"name[givenName eq \\"B\\"].familyName","value":"J"} | invalidPath
            {"op":"replace","path":"emails[label eq \\"x\\"].value","value":"a@b.c"}   | invalidPath
            {"op":"remove","path":"urn:example:unknown:2.0:User:badge"}               | invalidPath
            {"op":"add","value":{"favoriteColor":"blue"}}                             | invalidPath
            {"op":"replace","path":"emails[value co \\"jensen\\"].type","value":"home"} | noTarget
            {"op":"replace","path":"addresses.region","value":"CA"}                   | noTarget
            {"op":"replace","path":"active","value":"yes"}                            | invalidValue
            {"op":"add","path":"emails","value":{"value":"a@b.c"}}                    | invalidValue
            {"op":"replace","path":"emails[type eq \\"home\\"].primary","value":3}    | invalidValue
            {"op":"add","value":"active"}                                             | invalidValue
            {"op":"add","value":{"name":{"nick":"B"}}}                                | invalidValue
            {"op":"remove","path":"userName"}                                         | invalidValue
            {"op":"replace","path":"userName","value":""}                             | invalidValue
            {"op":"add","path":"emails","value":[{"value":"a@b.c","primary":true},{"value":"d@e.f","primary":true}]} | invalidValue
            """)
    void applyWhenOperationInvalidThenRejectsWithRfcKeyword(String operation, String scimType) {
        assertThat(scimTypeOf(() -> patch(USER, oktaUser, "[" + operation + "]"))).isEqualTo(scimType);
    }

    @Test
    void applyWhenPathNamesUnknownAttributeThenErrorNamesIt() {
        assertThatThrownBy(() -> patch(USER, oktaUser, "[{\"op\":\"add\",\"path\":\"favoriteColor\",\"value\":\"x\"}]"))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.detail()).contains("favoriteColor"));
    }



    @Test
    void applyWhenOktaAddsAndRemovesMemberThenMembershipFollows() {
        ObjectNode added = applyGroup(oktaGroup, "okta/group-patch-add-members.json");

        assertThat(added.get("members")).isEqualTo(json("""
                [{"value":"b1c794f24f4c49f4b5d503a4cb2686ea"},{"value":"23a35c27-23d3-4c03-b4c5-6443c09e7173"}]
                """));
        assertThat(applyGroup(added, "okta/group-patch-add-members.json")).isEqualTo(added);

        ObjectNode removed = applyGroup(added, "okta/group-patch-remove-member.json");

        assertThat(removed).isEqualTo(oktaGroup);
    }

    @Test
    void applyWhenOktaRenamesWithIdInValueThenIgnoresId() {
        ObjectNode result = applyGroup(oktaGroup, "okta/group-patch-rename.json");

        assertThat(result.get("displayName").stringValue()).isEqualTo("Test SCIMv2");
        assertThat(result.has("id")).isFalse();
    }

    @Test
    void applyWhenEntraAddsMemberWithNullRefThenStoresValueOnly() {
        ObjectNode result = applyGroup(entraGroup, "entra/group-patch-add-members.json");

        assertThat(result.get("members")).isEqualTo(json("[{\"value\":\"f648f8d5ea4e4cd38e9c\"}]"));
    }

    @Test
    void applyWhenEntraRemovesMembersByValueListThenOnlyThoseGo() {
        ObjectNode group = patch(GROUP, entraGroup, """
                [{"op":"Add","path":"members","value":[{"value":"a2c5ee2d-8c4f-4b2e-9f14-5c0d7e8a6b31"},
                                                       {"value":"f648f8d5ea4e4cd38e9c"}]}]
                """);

        ObjectNode result = applyGroup(group, "entra/group-patch-remove-members.json");

        assertThat(result.get("members")).isEqualTo(json("[{\"value\":\"f648f8d5ea4e4cd38e9c\"}]"));
        assertThat(applyGroup(result, "entra/group-patch-remove-members.json")).isEqualTo(result);
    }

    @Test
    void applyWhenEntraReplacesDisplayNameThenRenames() {
        ObjectNode result = applyGroup(entraGroup, "entra/group-patch-replace-display-name.json");

        assertThat(result.get("displayName").stringValue())
                .isEqualTo("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    }

    @Test
    void applyWhenRemovingAllMembersThenMembersUnassigned() {
        ObjectNode result = patch(GROUP, oktaGroup, "[{\"op\":\"remove\",\"path\":\"members\"}]");

        assertThat(result.has("members")).isFalse();
    }

    @Test
    void applyWhenChangingImmutableMemberValueThenMutability() {
        String changed = """
                [{"op":"replace","path":"members[value eq \\"b1c794f24f4c49f4b5d503a4cb2686ea\\"].value","value":"other"}]
                """;
        String same = changed.replace("\"other\"", "\"b1c794f24f4c49f4b5d503a4cb2686ea\"");

        assertThat(scimTypeOf(() -> patch(GROUP, oktaGroup, changed))).isEqualTo("mutability");
        assertThat(patch(GROUP, oktaGroup, same)).isEqualTo(oktaGroup);
    }

    @Test
    void applyWhenTargetingReadOnlyMemberDisplayThenMutability() {
        assertThat(scimTypeOf(() -> patch(GROUP, oktaGroup, """
                [{"op":"replace","path":"members[value eq \\"b1c794f24f4c49f4b5d503a4cb2686ea\\"].display","value":"x"}]
                """))).isEqualTo("mutability");
    }

    @Test
    void applyWhenRemovingDisplayNameThenRequiredInvalidValue() {
        JsonNode before = oktaGroup.deepCopy();

        assertThat(scimTypeOf(() -> patch(GROUP, oktaGroup, "[{\"op\":\"remove\",\"path\":\"displayName\"}]")))
                .isEqualTo("invalidValue");
        assertThat(oktaGroup).isEqualTo(before);
    }

    @Test
    void applyWhenStoredResourceHasServerAttributesThenResultOmitsThem() {
        ObjectNode stored = object("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","userName":"bjensen",
                 "meta":{"resourceType":"User","version":"W/\\"1\\""}}
                """);

        ObjectNode result = patch(CoreSchemas.user(), stored, "[{\"op\":\"add\",\"path\":\"title\",\"value\":\"Tour Guide\"}]");

        assertThat(result).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"bjensen","title":"Tour Guide"}
                """));
    }
}
