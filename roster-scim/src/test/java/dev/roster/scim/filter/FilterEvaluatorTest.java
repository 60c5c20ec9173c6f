package dev.roster.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.CoreSchemas;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FilterEvaluatorTest {

    private static final List<JsonNode> USERS = FilterTruthTable.users();

    private final FilterEvaluator users = new FilterEvaluator(CoreSchemas.user());

    static List<FilterTruthTable.Case> truthTable() {
        return FilterTruthTable.cases();
    }

    @ParameterizedTest
    @MethodSource("truthTable")
    void matchesWhenTruthTableCaseThenExactlyTheExpectedUsersMatch(FilterTruthTable.Case testCase) {
        Filter filter = FilterParser.parse(testCase.filter());
        users.validate(filter);

        Set<String> matched = USERS.stream().filter(user -> users.matches(filter, user))
                .map(user -> user.get("id").stringValue()).collect(Collectors.toSet());

        assertThat(matched).isEqualTo(testCase.expectedIds());
    }

    static Stream<Arguments> elementCases() {
        return Stream.of(
                arguments("type eq \"work\"", true),
                arguments("TYPE eq \"WORK\"", true),
                arguments("type eq \"home\"", false),
                arguments("value co \"@acme\" and primary eq true", true),
                arguments("value ew \".org\" or not (primary eq false)", true),
                arguments("display pr", false),
                arguments("display eq null", true),
                arguments("primary ne false", true));
    }

    @ParameterizedTest
    @MethodSource("elementCases")
    void matchesValueWhenFilterRelativeToElementThenEvaluatesAgainstThatElement(String filter, boolean expected) {
        JsonNode element = JsonMapper.shared().readTree("""
                {"value": "bjensen@acme.com", "type": "work", "primary": true}""");
        AttributeDefinition emails = CoreSchemas.user().attribute(null, "emails").orElseThrow();

        assertThat(users.matchesValue(FilterParser.parse(filter), element, emails)).isEqualTo(expected);
    }

    @Test
    void matchesValueWhenGroupMemberThenUsesGroupSchema() {
        FilterEvaluator groups = new FilterEvaluator(CoreSchemas.group());
        AttributeDefinition members = CoreSchemas.group().attribute(null, "members").orElseThrow();
        JsonNode member = JsonMapper.shared().readTree("""
                {"value": "2819c223-7f76-453a-919d-413861904646", "$ref": "https://example.com/v2/Users/2819c223"}""");

        assertThat(groups.matchesValue(FilterParser.parse("value eq \"2819c223-7f76-453a-919d-413861904646\""),
                member, members)).isTrue();
        assertThat(groups.matchesValue(FilterParser.parse("value eq \"2819C223-7F76-453A-919D-413861904646\""),
                member, members)).isTrue();
        assertThat(groups.matchesValue(FilterParser.parse("$ref ew \"/2819c223\""), member, members)).isTrue();
    }

    @Test
    void matchesWhenKeysDifferInCaseThenStillMatches() {
        JsonNode user = JsonMapper.shared().readTree("""
                {"id": "1", "USERNAME": "bjensen", "Emails": [{"VALUE": "b@example.com", "Type": "work"}],
                 "URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER": {"Department": "Sales"}}""");

        assertThat(users.matches(FilterParser.parse("userName eq \"bjensen\""), user)).isTrue();
        assertThat(users.matches(FilterParser.parse("emails[type eq \"work\" and value sw \"b@\"]"), user)).isTrue();
        assertThat(users.matches(FilterParser.parse(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department eq \"sales\""), user)).isTrue();
    }

    static Stream<Arguments> unanswerable() {
        return Stream.of(
                arguments("foo eq \"x\"", "foo"),
                arguments("name.foo eq \"x\"", "name.foo"),
                arguments("userName.first eq \"x\"", "userName"),
                arguments("emails[foo eq \"x\"]", "emails.foo"),
                arguments("userName[value eq \"x\"]", "userName"),
                arguments("urn:example:unknown:1.0:User:foo eq \"x\"", "urn:example:unknown:1.0:User"),
                arguments("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:userName eq \"x\"", "userName"),
                arguments("department eq \"Sales\"", "department"),
                arguments("active gt true", "active"),
                arguments("active eq \"yes\"", "active"),
                arguments("active co \"t\"", "active"),
                arguments("userName gt 5", "userName"),
                arguments("userName eq true", "userName"),
                arguments("x509Certificates.value gt \"MIID\"", "x509Certificates.value"),
                arguments("meta.created gt \"yesterday\"", "meta.created"),
                arguments("meta.created co \"2011\"", "meta.created"),
                arguments("name eq \"Barbara\"", "name"),
                arguments("title co null", "title"),
                arguments("emails[type eq \"work\"] and groups[display gt 1]", "display"));
    }

    @ParameterizedTest
    @MethodSource("unanswerable")
    void validateWhenFilterCannotBeAnsweredThenInvalidFilterNamingTheAttribute(String filter, String attribute) {
        assertThatThrownBy(() -> users.validate(FilterParser.parse(filter)))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.scimType()).isEqualTo("invalidFilter");
                    assertThat(e.detail()).contains(attribute);
                });
    }

    @Test
    void validateWhenValuePathIsNestedThenInvalidFilter() {
        Filter nested = Ast.has("emails", Ast.has("type", Ast.pr("value")));

        assertThatThrownBy(() -> users.validate(nested)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }

    @Test
    void validateWhenGroupFilterThenResolvesAgainstGroupSchema() {
        FilterEvaluator groups = new FilterEvaluator(CoreSchemas.group());

        assertThatCode(() -> groups.validate(FilterParser.parse(
                "displayName eq \"Tour Guides\" and members[value eq \"2819c223\"]"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> groups.validate(FilterParser.parse("userName eq \"x\"")))
                .isInstanceOf(ScimException.class);
    }
}
