package dev.roster.scim.patch;

import static dev.roster.scim.resource.TestJson.fixture;
import static dev.roster.scim.resource.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.roster.scim.ScimException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PatchRequestTest {

    @Test
    void parseWhenOktaDeactivatesThenOnePathlessReplace() {
        PatchRequest request = PatchRequest.parse(fixture("okta/patch-deactivate.json"));

        assertThat(request.operations()).containsExactly(
                new PatchOperation.Replace(null, json("{\"active\":false}")));
    }

    @Test
    void parseWhenEntraSendsCapitalisedOpsThenParsesPathsInOrder() {
        PatchRequest request = PatchRequest.parse(fixture("entra/patch-replace-emails.json"));

        assertThat(request.operations()).hasSize(2).allSatisfy(
                operation -> assertThat(operation).isInstanceOf(PatchOperation.Replace.class));
        assertThat(request.operations().get(0).path().toString()).isEqualTo("emails[type eq \"work\"].value");
        assertThat(request.operations().get(1).path().attribute().subAttribute()).isEqualTo("familyName");
    }

    @Test
    void parseWhenEntraRemovesMembersByValueThenKeepsPathAndValue() {
        PatchRequest request = PatchRequest.parse(fixture("entra/group-patch-remove-members.json"));

        PatchOperation.Remove remove = (PatchOperation.Remove) request.operations().getFirst();
        assertThat(remove.path().attribute().attribute()).isEqualTo("members");
        assertThat(remove.value()).hasSize(1);
    }

    @Test
    void parseWhenOktaRemovesMemberByFilterThenRemoveHasNoValue() {
        PatchRequest request = PatchRequest.parse(fixture("okta/group-patch-remove-member.json"));

        PatchOperation.Remove remove = (PatchOperation.Remove) request.operations().getFirst();
        assertThat(remove.path().hasValueFilter()).isTrue();
        assertThat(remove.value()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "Add", "ADD", "aDd"})
    void parseWhenOpInAnyCaseThenAdd(String op) {
        PatchRequest request = PatchRequest.parse(json("""
                {"Operations":[{"op":"%s","path":"title","value":"Tour Guide"}]}
                """.formatted(op)));

        assertThat(request.operations().getFirst()).isInstanceOf(PatchOperation.Add.class);
    }

    @Test
    void parseWhenMemberNamesInOtherCaseThenAccepted() {
        PatchRequest request = PatchRequest.parse(json("""
                {"SCHEMAS":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "operations":[{"OP":"remove","Path":"title"}]}
                """));

        assertThat(request.operations()).hasSize(1);
    }

    @Test
    void parseWhenReplaceWithPathHasNullValueThenUnassigns() {
        PatchRequest request = PatchRequest.parse(json("""
                {"Operations":[{"op":"replace","path":"title","value":null}]}
                """));

        assertThat(((PatchOperation.Replace) request.operations().getFirst()).value().isNull()).isTrue();
    }

    @Test
    void operationsWhenParsedThenImmutable() {
        List<PatchOperation> operations = PatchRequest.parse(fixture("okta/patch-deactivate.json")).operations();

        assertThatThrownBy(() -> operations.add(operations.getFirst()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            []                                                                                     | invalidSyntax
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"Operations":[{"op":"remove","path":"title"}]} | invalidSyntax
            {"schemas":"urn:ietf:params:scim:api:messages:2.0:PatchOp","Operations":[{"op":"remove","path":"title"}]} | invalidSyntax
            {"Operations":[]}                                                                      | invalidSyntax
            {"Operations":{"op":"remove","path":"title"}}                                          | invalidSyntax
            {}                                                                                     | invalidSyntax
            {"Operations":["remove"]}                                                              | invalidSyntax
            {"Operations":[{"path":"title","value":"x"}]}                                          | invalidSyntax
            {"Operations":[{"op":"merge","path":"title","value":"x"}]}                             | invalidSyntax
            {"Operations":[{"op":"copy","from":"title","path":"nickName"}]}                        | invalidSyntax
            {"Operations":[{"op":1,"path":"title","value":"x"}]}                                   | invalidSyntax
            {"Operations":[{"op":"add","path":"title"}]}                                           | invalidSyntax
            {"Operations":[{"op":"add","path":"title","value":null}]}                              | invalidSyntax
            {"Operations":[{"op":"replace"}]}                                                      | invalidSyntax
            {"Operations":[{"op":"replace","value":null}]}                                         | invalidSyntax
            {"Operations":[{"op":"add","path":7,"value":"x"}]}                                     | invalidSyntax
            {"Operations":[{"op":"remove"}]}                                                       | noTarget
            {"Operations":[{"op":"remove","value":[{"value":"x"}]}]}                               | noTarget
            {"Operations":[{"op":"remove","path":"emails[type eq"}]}                               | invalidPath
            {"Operations":[{"op":"add","path":"","value":"x"}]}                                    | invalidPath
            """)
    void parseWhenBodyInvalidThenRejectsWithRfcKeyword(String body, String scimType) {
        assertThatThrownBy(() -> PatchRequest.parse(json(body)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.scimType()).isEqualTo(scimType));
    }

    @Test
    void parseWhenOpUnknownThenErrorNamesIt() {
        assertThatThrownBy(() -> PatchRequest.parse(json("""
                {"Operations":[{"op":"remove","path":"title"},{"op":"move","path":"title"}]}
                """)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.detail()).contains("'move'").contains("Operations[1]"));
    }
}
