package dev.roster.scim.patch;

import static dev.roster.scim.resource.TestJson.json;
import static dev.roster.scim.resource.TestJson.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import dev.roster.scim.patch.GroupPatchPlan.MemberChange;
import dev.roster.scim.schema.CoreSchemas;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class GroupPatchPlanTest {

    // Ids standing in for the fixtures' {{userId1}}, {{userId2}} and {{groupId}}.
    private static final String ADA = "usr_ada";
    private static final String CHARLES = "usr_charles";
    private static final String GRACE = "usr_grace";
    private static final String HOWARD = "usr_howard";

    private static final String ADD_ADA = "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"usr_ada\"}]}]";
    private static final PatchRequest NO_OPERATIONS = new PatchRequest(List.of());

    private static GroupPatchPlan plan(String body) {
        return GroupPatchPlan.of(PatchRequest.parse(json(body)));
    }

    private static GroupPatchPlan planOperations(String operations) {
        return plan("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":" + operations
                + "}");
    }

    private static PatchRequest operations(String operations) {
        return PatchRequest.parse(json("{\"Operations\":" + operations + "}"));
    }

    private static ScimException rejection(String operations) {
        try {
            planOperations(operations);
        } catch (ScimException e) {
            return e;
        }
        throw new AssertionError("expected a ScimException");
    }

    /** A stored group as PatchEngine gets it from Roster: without members, which live in their own relation. */
    private static ObjectNode storedGroup() {
        return object("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"grp_engines",
                 "displayName":"Analytical Engine Programmers"}
                """);
    }

    // Okta, roster-server/src/test/resources/okta/groups/

    @Test
    void ofWhenOktaPushesMembersThenAddsAllOfThem() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "add",
                      "path": "members",
                      "value": [
                        {
                          "value": "usr_ada",
                          "display": "ada.lovelace@analytical-engines.example"
                        },
                        {
                          "value": "usr_charles",
                          "display": "charles.babbage@analytical-engines.example"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(List.of(ADA, CHARLES)));
    }

    @Test
    void ofWhenOktaRemovesMemberByFilterThenRemovesThatId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "remove",
                      "path": "members[value eq \\"usr_charles\\"]"
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(CHARLES)));
    }

    @Test
    void ofWhenOktaRemovesAndAddsInOneRequestThenKeepsTheirOrder() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "remove",
                      "path": "members[value eq \\"usr_ada\\"]"
                    },
                    {
                      "op": "add",
                      "path": "members",
                      "value": [
                        {
                          "value": "usr_charles",
                          "display": "charles.babbage@analytical-engines.example"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(
                new MemberChange.Remove(List.of(ADA)), new MemberChange.Add(List.of(CHARLES)));
    }

    @Test
    void ofWhenOktaRenamesWithoutPathThenOnlyAttributeOperationWithId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "value": {
                        "id": "grp_engines",
                        "displayName": "Difference Engine Programmers"
                      }
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations().operations()).containsExactly(new PatchOperation.Replace(null,
                json("{\"id\":\"grp_engines\",\"displayName\":\"Difference Engine Programmers\"}")));
        assertThat(plan.memberChanges()).isEmpty();
    }

    @Test
    void ofWhenOktaSyncsNameAfterCreateThenMembersAreNotTouched() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "value": {
                        "id": "grp_engines",
                        "displayName": "Analytical Engine Programmers"
                      }
                    }
                  ]
                }
                """);

        // langwatch/langwatch#7131 emptied groups on this request: no members key means no member change.
        assertThat(plan.memberChanges()).isEmpty();
        assertThat(new PatchEngine(CoreSchemas.group()).apply(storedGroup(), plan.attributeOperations()))
                .isEqualTo(json("""
                        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                         "displayName":"Analytical Engine Programmers"}
                        """));
    }

    @Test
    void ofWhenOktaPushesFullMembershipThenReplacesAll() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "path": "members",
                      "value": [
                        {
                          "value": "usr_ada",
                          "display": "ada.lovelace@analytical-engines.example"
                        },
                        {
                          "value": "usr_charles",
                          "display": "charles.babbage@analytical-engines.example"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of(ADA, CHARLES)));
    }

    @Test
    void ofWhenOktaPushesEmptyGroupThenReplacesAllWithNone() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "path": "members",
                      "value": []
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of()));
    }

    @Test
    void ofWhenOktaReplacesWithoutPathIncludingMembersThenSplitsMembersFromIdAndName() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "value": {
                        "id": "grp_engines",
                        "displayName": "Difference Engine Programmers",
                        "members": [
                          {
                            "value": "usr_ada"
                          }
                        ]
                      }
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations().operations()).containsExactly(new PatchOperation.Replace(null,
                json("{\"id\":\"grp_engines\",\"displayName\":\"Difference Engine Programmers\"}")));
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of(ADA)));
    }

    @Test
    void ofWhenOktaReplacesWithoutPathWithEmptyMembersThenEmptiesGroupAndRenames() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "replace",
                      "value": {
                        "members": [],
                        "id": "grp_engines",
                        "displayName": "Difference Engine Programmers"
                      }
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations().operations()).containsExactly(new PatchOperation.Replace(null,
                json("{\"id\":\"grp_engines\",\"displayName\":\"Difference Engine Programmers\"}")));
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of()));
    }

    // PatchEngine and the group's own id

    @Test
    void attributeOperationsWhenPathlessReplaceCarriesAnyIdThenPatchEngineIgnoresIt() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"replace","value":{"id":"grp_someone_else","displayName":"Difference Engine Programmers",
                  "members":[{"value":"usr_ada"}]}}]
                """);

        // A readOnly attribute in a path-less value is skipped, as in a PUT (RFC 7643 §7), whatever its value;
        // the result never carries id, which the server owns.
        ObjectNode result = new PatchEngine(CoreSchemas.group()).apply(storedGroup(), plan.attributeOperations());

        assertThat(result).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName":"Difference Engine Programmers"}
                """));
    }

    @Test
    void attributeOperationsWhenIdIsThePathThenPatchEngineRejectsMutability() {
        GroupPatchPlan plan = planOperations("[{\"op\":\"replace\",\"path\":\"id\",\"value\":\"grp_engines\"}]");
        PatchEngine engine = new PatchEngine(CoreSchemas.group());

        assertThatThrownBy(() -> engine.apply(storedGroup(), plan.attributeOperations()))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("mutability"));
    }

    @Test
    void attributeOperationsWhenEmptyThenPatchEngineLeavesGroupUnchanged() {
        GroupPatchPlan plan = planOperations(ADD_ADA);

        ObjectNode result = new PatchEngine(CoreSchemas.group()).apply(storedGroup(), plan.attributeOperations());

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(result).isEqualTo(json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],
                 "displayName":"Analytical Engine Programmers"}
                """));
    }

    // Entra, roster-server/src/test/resources/entra/groups/

    @Test
    void ofWhenEntraAddsMemberWithNullRefThenAddsItsId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "Add",
                      "path": "members",
                      "value": [
                        {
                          "$ref": null,
                          "value": "usr_grace"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(List.of(GRACE)));
    }

    @Test
    void ofWhenEntraAddsSeveralMembersInOneOperationThenAddsAll() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "Add",
                      "path": "members",
                      "value": [
                        {
                          "$ref": null,
                          "value": "usr_grace"
                        },
                        {
                          "$ref": null,
                          "value": "usr_howard"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(List.of(GRACE, HOWARD)));
    }

    @Test
    void ofWhenEntraRemovesMemberByValueListThenRemovesOnlyThatId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "Remove",
                      "path": "members",
                      "value": [
                        {
                          "$ref": null,
                          "value": "usr_howard"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(HOWARD)));
    }

    @Test
    void ofWhenEntraRemovesMemberByValueOnlyListThenRemovesOnlyThatId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "Remove",
                      "path": "members",
                      "value": [
                        {
                          "value": "usr_grace"
                        }
                      ]
                    }
                  ]
                }
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(GRACE)));
    }

    @Test
    void ofWhenEntraRemovesMemberByFilterWithComplianceFlagThenRemovesThatId() {
        GroupPatchPlan plan = plan("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "remove",
                      "path": "members[value eq \\"usr_grace\\"]"
                    }
                  ]
                }
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(GRACE)));
    }

    @Test
    void ofWhenEntraReplacesDisplayNameThenPassesOperationThrough() {
        PatchRequest request = PatchRequest.parse(json("""
                {
                  "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                  "Operations": [
                    {
                      "op": "Replace",
                      "path": "displayName",
                      "value": "Compiler Research and Development"
                    }
                  ]
                }
                """));

        GroupPatchPlan plan = GroupPatchPlan.of(request);

        assertThat(plan.attributeOperations()).isEqualTo(request);
        assertThat(plan.memberChanges()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Add     | add
            ADD     | add
            Replace | replace
            REPLACE | replace
            Remove  | remove
            rEmOvE  | remove
            """)
    void ofWhenOpIsCapitalisedThenSamePlanAsLowerCase(String op, String lowerCase) {
        String operation = "[{\"op\":\"%s\",\"path\":\"members\",\"value\":[{\"value\":\"usr_grace\"}]}]";

        assertThat(planOperations(operation.formatted(op))).isEqualTo(planOperations(operation.formatted(lowerCase)));
    }

    @Test
    void ofWhenEntraMixesMemberAndAttributeOperationsThenEachListKeepsRequestOrder() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"Replace","path":"displayName","value":"Compiler Research and Development"},
                 {"op":"Add","path":"members","value":[{"$ref":null,"value":"usr_grace"},
                                                       {"$ref":null,"value":"usr_howard"}]},
                 {"op":"Remove","path":"members","value":[{"$ref":null,"value":"usr_grace"}]},
                 {"op":"Replace","path":"externalId","value":"3f6b2d18-94c7-4e0a-b5d1-7a2c9e40f863"},
                 {"op":"remove","path":"members[value eq \\"usr_howard\\"]"},
                 {"op":"Add","path":"members","value":[{"$ref":null,"value":"usr_grace"}]}]
                """);

        assertThat(plan.attributeOperations()).isEqualTo(operations("""
                [{"op":"Replace","path":"displayName","value":"Compiler Research and Development"},
                 {"op":"Replace","path":"externalId","value":"3f6b2d18-94c7-4e0a-b5d1-7a2c9e40f863"}]
                """));
        assertThat(plan.memberChanges()).containsExactly(
                new MemberChange.Add(List.of(GRACE, HOWARD)),
                new MemberChange.Remove(List.of(GRACE)),
                new MemberChange.Remove(List.of(HOWARD)),
                new MemberChange.Add(List.of(GRACE)));
    }

    // Other shapes

    @Test
    void ofWhenFilterJoinsIdsWithOrThenRemovesEachOnce() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"remove",
                  "path":"members[value eq \\"usr_ada\\" or Value EQ \\"usr_charles\\" or value eq \\"usr_ada\\"]"}]
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(ADA, CHARLES)));
    }

    @Test
    void ofWhenFilterIsParenthesisedThenSameIds() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"remove","path":"members[(value eq \\"usr_ada\\") or (value eq \\"usr_charles\\")]"}]
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Remove(List.of(ADA, CHARLES)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"op\":\"remove\",\"path\":\"members\"}",
            "{\"op\":\"remove\",\"path\":\"members\",\"value\":null}"})
    void ofWhenRemoveOfMembersHasNoValueThenRemovesAll(String operation) {
        assertThat(planOperations("[" + operation + "]").memberChanges()).containsExactly(new MemberChange.RemoveAll());
    }

    @Test
    void ofWhenReplaceOfMembersIsNullThenReplacesAllWithNone() {
        GroupPatchPlan plan = planOperations("[{\"op\":\"replace\",\"path\":\"members\",\"value\":null}]");

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of()));
    }

    @Test
    void ofWhenValueIsOneMemberObjectThenTreatedAsListOfOne() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"add","path":"members","value":{"value":"usr_ada","display":"Ada"}},
                 {"op":"remove","path":"members","value":{"value":"usr_ada"}}]
                """);

        assertThat(plan.memberChanges()).containsExactly(
                new MemberChange.Add(List.of(ADA)), new MemberChange.Remove(List.of(ADA)));
    }

    @Test
    void ofWhenMemberCarriesDisplayRefTypeOrOtherKeysThenOnlyValueCounts() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"add","path":"members","value":[
                   {"value":"usr_ada","display":"Ada Lovelace","$ref":"https://example.com/Users/usr_ada",
                    "type":"User"},
                   {"displayName":"Charles Babbage","Value":"usr_charles"}]}]
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(List.of(ADA, CHARLES)));
    }

    @Test
    void ofWhenListRepeatsAnIdThenKeepsFirstOccurrence() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"replace","path":"members","value":[
                   {"value":"usr_charles"},{"value":"usr_ada"},{"value":"usr_charles","display":"again"}]}]
                """);

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.ReplaceAll(List.of(CHARLES, ADA)));
    }

    @Test
    void ofWhenThousandMembersInOneAddThenKeepsAllInOrder() {
        List<String> ids = IntStream.range(0, 1_000).mapToObj(i -> "usr_" + i).toList();
        String members = ids.stream().map(id -> "{\"value\":\"" + id + "\",\"display\":\"" + id + "@example.com\"}")
                .collect(Collectors.joining(","));

        GroupPatchPlan plan = planOperations("[{\"op\":\"add\",\"path\":\"members\",\"value\":[" + members + "]}]");

        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(ids));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "members",
            "Members",
            "MEMBERS",
            "urn:ietf:params:scim:schemas:core:2.0:Group:members",
            "URN:IETF:PARAMS:SCIM:SCHEMAS:CORE:2.0:GROUP:Members"})
    void ofWhenMembersPathInAnySpellingThenSameAsMembers(String path) {
        GroupPatchPlan plan = planOperations("""
                [{"op":"add","path":"%1$s","value":[{"value":"usr_ada"}]},
                 {"op":"remove","path":"%1$s[value eq \\"usr_ada\\"]"},
                 {"op":"replace","value":{"%1$s":[{"value":"usr_charles"}]}}]
                """.formatted(path));

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(
                new MemberChange.Add(List.of(ADA)),
                new MemberChange.Remove(List.of(ADA)),
                new MemberChange.ReplaceAll(List.of(CHARLES)));
    }

    @Test
    void ofWhenPathlessAddCarriesMembersThenAddsThemAndKeepsOtherKeysAsAdd() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"add","value":{"externalId":"ext-42","members":[{"value":"usr_ada"}],"displayName":"Engines"}}]
                """);

        assertThat(plan.attributeOperations().operations()).containsExactly(
                new PatchOperation.Add(null, json("{\"externalId\":\"ext-42\",\"displayName\":\"Engines\"}")));
        assertThat(plan.memberChanges()).containsExactly(new MemberChange.Add(List.of(ADA)));
    }

    @Test
    void ofWhenPathlessValueHasOnlyMembersThenNoAttributeOperation() {
        GroupPatchPlan plan = planOperations("""
                [{"op":"add","value":{"members":[{"value":"usr_ada"}]}},
                 {"op":"replace","value":{"members":null}}]
                """);

        assertThat(plan.attributeOperations()).isEqualTo(NO_OPERATIONS);
        assertThat(plan.memberChanges()).containsExactly(
                new MemberChange.Add(List.of(ADA)), new MemberChange.ReplaceAll(List.of()));
    }

    @Test
    void ofWhenPathlessValueIsNotAnObjectThenLeftToPatchEngine() {
        GroupPatchPlan plan = planOperations("[{\"op\":\"add\",\"value\":\"Engines\"}]");
        PatchEngine engine = new PatchEngine(CoreSchemas.group());

        assertThat(plan.attributeOperations()).isEqualTo(operations("[{\"op\":\"add\",\"value\":\"Engines\"}]"));
        assertThatThrownBy(() -> engine.apply(storedGroup(), plan.attributeOperations()))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo("invalidValue"));
    }

    @Test
    void ofWhenOtherAttributesChangeThenOperationsPassThroughUnchangedInOrder() {
        PatchRequest request = operations("""
                [{"op":"replace","path":"displayName","value":"Engines"},
                 {"op":"add","path":"externalId","value":"ext-42"},
                 {"op":"remove","path":"externalId"},
                 {"op":"replace","value":{"displayName":"Difference Engines","externalId":"ext-43"}}]
                """);

        GroupPatchPlan plan = GroupPatchPlan.of(request);

        assertThat(plan.attributeOperations()).isEqualTo(request);
        assertThat(plan.memberChanges()).isEmpty();
    }

    @Test
    void memberChangesWhenPlannedThenImmutable() {
        GroupPatchPlan plan = planOperations(ADD_ADA);
        MemberChange.Add add = (MemberChange.Add) plan.memberChanges().getFirst();

        assertThatThrownBy(() -> plan.memberChanges().add(new MemberChange.RemoveAll()))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> add.userIds().add(CHARLES)).isInstanceOf(UnsupportedOperationException.class);
    }

    // Errors

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"op":"remove","path":"members[value ne \\"usr_ada\\"]"}                              | invalidFilter
            {"op":"remove","path":"members[value co \\"ada\\"]"}                                  | invalidFilter
            {"op":"remove","path":"members[value pr]"}                                            | invalidFilter
            {"op":"remove","path":"members[value eq 7]"}                                          | invalidFilter
            {"op":"remove","path":"members[value eq null]"}                                       | invalidFilter
            {"op":"remove","path":"members[display eq \\"Ada\\"]"}                                | invalidFilter
            {"op":"remove","path":"members[type eq \\"User\\"]"}                                  | invalidFilter
            {"op":"remove","path":"members[value eq \\"usr_ada\\" and value eq \\"usr_ada\\"]"}    | invalidFilter
            {"op":"remove","path":"members[value eq \\"usr_ada\\" or type eq \\"User\\"]"}         | invalidFilter
            {"op":"remove","path":"members[not (value eq \\"usr_ada\\")]"}                        | invalidFilter
            {"op":"add","path":"members[value eq \\"usr_ada\\"]","value":{"value":"usr_ada"}}     | invalidPath
            {"op":"replace","path":"members[value eq \\"usr_ada\\"]","value":{"value":"usr_ada"}} | invalidPath
            {"op":"replace","path":"members[value eq \\"usr_ada\\"].display","value":"Ada"}       | invalidPath
            {"op":"add","path":"members.value","value":"usr_ada"}                                 | invalidPath
            {"op":"replace","path":"members.value","value":"usr_ada"}                             | invalidPath
            {"op":"remove","path":"members.value"}                                                | invalidPath
            {"op":"remove","path":"members[value eq \\"usr_ada\\"].display"}                      | invalidPath
            {"op":"replace","value":{"members.value":"usr_ada"}}                                  | invalidPath
            {"op":"add","value":{"members[value eq \\"usr_ada\\"]":{"value":"usr_ada"}}}          | invalidPath
            {"op":"add","path":"members","value":[{"display":"Ada"}]}                             | invalidValue
            {"op":"add","path":"members","value":[{"value":7}]}                                   | invalidValue
            {"op":"add","path":"members","value":[{"value":""}]}                                  | invalidValue
            {"op":"add","path":"members","value":[{"value":{"id":"usr_ada"}}]}                    | invalidValue
            {"op":"add","path":"members","value":["usr_ada"]}                                     | invalidValue
            {"op":"add","path":"members","value":"usr_ada"}                                       | invalidValue
            {"op":"replace","path":"members","value":[{"value":"usr_ada"},null]}                  | invalidValue
            {"op":"remove","path":"members","value":[{"value":null}]}                             | invalidValue
            {"op":"replace","value":{"displayName":"Engines","members":"usr_ada"}}                | invalidValue
            {"op":"add","value":{"members":null}}                                                 | invalidValue
            {"op":"remove","path":"members[value eq \\"usr_ada\\"]","value":[{"value":"usr_ada"}]} | invalidSyntax
            """)
    void ofWhenMemberOperationMalformedThenRejectsWithRfcKeyword(String operation, String scimType) {
        ScimException rejection = rejection("[" + operation + "]");

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.scimType()).isEqualTo(scimType);
    }

    @Test
    void ofWhenFilterUnsupportedThenDetailSaysOnlyValueEqIsSupported() {
        ScimException rejection = rejection("[{\"op\":\"remove\",\"path\":\"members[display eq \\\"Ada\\\"]\"}]");

        assertThat(rejection.detail()).contains("Operations[0]", "value eq", "display eq \"Ada\"");
    }

    @Test
    void ofWhenAddTargetsSelectedMemberThenDetailSaysHowToChangeMembers() {
        ScimException rejection = rejection("""
                [{"op":"add","path":"displayName","value":"Engines"},
                 {"op":"replace","path":"members[value eq \\"usr_ada\\"]","value":{"value":"usr_charles"}}]
                """);

        assertThat(rejection.detail()).contains("Operations[1]", "\"op\":\"add\",\"path\":\"members\"",
                "\"op\":\"remove\"");
    }

    @Test
    void ofWhenMemberHasNoStringValueThenDetailNamesOperationAndIndex() {
        ScimException rejection = rejection("""
                [{"op":"remove","path":"members[value eq \\"usr_ada\\"]"},
                 {"op":"add","path":"members","value":[{"value":"usr_ada"},{"value":"usr_charles"},
                                                       {"display":"Grace"}]}]
                """);

        assertThat(rejection.detail()).contains("Operations[1]", "index 2", "'value'");
    }

    @Test
    void ofWhenPathlessKeyIsNotAPathThenInvalidPath() {
        ScimException rejection = rejection("[{\"op\":\"replace\",\"value\":{\"members[\":[]}}]");

        assertThat(rejection.scimType()).isEqualTo("invalidPath");
    }

    @Test
    void ofWhenPathIsMembersOfAnotherSchemaThenLeftToPatchEngine() {
        PatchRequest request = operations("""
                [{"op":"add","path":"urn:example:params:scim:schemas:Team:members","value":[{"value":"usr_ada"}]}]
                """);

        GroupPatchPlan plan = GroupPatchPlan.of(request);

        assertThat(plan.attributeOperations()).isEqualTo(request);
        assertThat(plan.memberChanges()).isEmpty();
    }
}
