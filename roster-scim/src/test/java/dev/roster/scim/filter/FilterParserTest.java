package dev.roster.scim.filter;

import static dev.roster.scim.filter.Ast.and;
import static dev.roster.scim.filter.Ast.co;
import static dev.roster.scim.filter.Ast.eq;
import static dev.roster.scim.filter.Ast.ew;
import static dev.roster.scim.filter.Ast.ge;
import static dev.roster.scim.filter.Ast.gt;
import static dev.roster.scim.filter.Ast.has;
import static dev.roster.scim.filter.Ast.le;
import static dev.roster.scim.filter.Ast.lt;
import static dev.roster.scim.filter.Ast.ne;
import static dev.roster.scim.filter.Ast.not;
import static dev.roster.scim.filter.Ast.or;
import static dev.roster.scim.filter.Ast.pr;
import static dev.roster.scim.filter.Ast.sw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.ScimException;
import java.math.BigDecimal;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FilterParserTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> valid() {
        return Stream.of(
                // RFC 7644 §3.4.2.2 examples
                arguments("userName eq \"bjensen\"", eq("userName", "bjensen")),
                arguments("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")),
                arguments("userName sw \"J\"", sw("userName", "J")),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                        sw("urn:ietf:params:scim:schemas:core:2.0:User:userName", "J")),
                arguments("title pr", pr("title")),
                arguments("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                        gt("meta.lastModified", "2011-05-13T04:42:34Z")),
                arguments("meta.lastModified ge \"2011-05-13T04:42:34Z\"",
                        ge("meta.lastModified", "2011-05-13T04:42:34Z")),
                arguments("meta.lastModified lt \"2011-05-13T04:42:34Z\"",
                        lt("meta.lastModified", "2011-05-13T04:42:34Z")),
                arguments("meta.lastModified le \"2011-05-13T04:42:34Z\"",
                        le("meta.lastModified", "2011-05-13T04:42:34Z")),
                arguments("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))),
                arguments("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))),
                arguments("schemas eq \"" + ENTERPRISE + "\"", eq("schemas", ENTERPRISE)),
                arguments("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        and(eq("userType", "Employee"),
                                or(co("emails", "example.com"), co("emails.value", "example.org")))),
                arguments("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co "
                                + "\"example.org\")",
                        and(ne("userType", "Employee"),
                                not(or(co("emails", "example.com"), co("emails.value", "example.org"))))),
                arguments("userType eq \"Employee\" and (emails.type eq \"work\")",
                        and(eq("userType", "Employee"), eq("emails.type", "work"))),
                arguments("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                        and(eq("userType", "Employee"),
                                has("emails", and(eq("type", "work"), co("value", "@example.com"))))),
                arguments("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co "
                                + "\"@foo.com\"]",
                        or(has("emails", and(eq("type", "work"), co("value", "@example.com"))),
                                has("ims", and(eq("type", "xmpp"), co("value", "@foo.com"))))),

                // keywords are case-insensitive; names keep the client's spelling
                arguments("userName EQ \"x\"", eq("userName", "x")),
                arguments("USERNAME Sw \"x\"", sw("USERNAME", "x")),
                arguments("title PR AND nickName Pr", and(pr("title"), pr("nickName"))),
                arguments("title pr Or nickName pr", or(pr("title"), pr("nickName"))),
                arguments("NOT (title pr)", not(pr("title"))),
                arguments("active eq TRUE", eq("active", true)),
                arguments("active eq False", eq("active", false)),
                arguments("title eq NULL", eq("title", null)),

                // schema URNs end at the last colon; their dots stay in the URN
                arguments(ENTERPRISE + ":manager.value eq \"26118915\"", eq(ENTERPRISE + ":manager.value", "26118915")),
                arguments(ENTERPRISE + ":employeeNumber eq \"701984\"", eq(ENTERPRISE + ":employeeNumber", "701984")),
                arguments("urn:roster:params:1.0:UserAttribute:department eq \"Sales\"",
                        eq("urn:roster:params:1.0:UserAttribute:department", "Sales")),
                arguments(ENTERPRISE + ":manager[value eq \"26118915\"]",
                        has(ENTERPRISE + ":manager", eq("value", "26118915"))),

                // $ref names a (sub-)attribute
                arguments("members.$ref ew \"/Users/2819c223\"", ew("members.$ref", "/Users/2819c223")),
                arguments("groups[$ref ew \"/Groups/e9e3\"]", has("groups", ew("$ref", "/Groups/e9e3"))),

                // the form Okta sends: a sub-attribute after the value filter
                arguments("emails[type eq \"work\"].value eq \"a@b.c\"",
                        has("emails", and(eq("type", "work"), eq("value", "a@b.c")))),
                arguments("emails[type eq \"work\"].value pr", has("emails", and(eq("type", "work"), pr("value")))),

                // JSON values
                arguments("x eq 42", eq("x", 42)),
                arguments("x eq 0", eq("x", 0)),
                arguments("x gt -1.5", gt("x", new BigDecimal("-1.5"))),
                arguments("x eq 1.50", eq("x", new BigDecimal("1.5"))),
                arguments("x eq 1e3", eq("x", new BigDecimal("1E+3"))),
                arguments("x eq 2.5E-3", eq("x", new BigDecimal("0.0025"))),
                arguments("x eq 12345678901", eq("x", 12345678901L)),
                arguments("x eq \"say \\\"hi\\\"\"", eq("x", "say \"hi\"")),
                arguments("x eq \"back\\\\slash\"", eq("x", "back\\slash")),
                arguments("x eq \"caf\\u00e9\"", eq("x", "café")),
                arguments("x eq \"café ✓\"", eq("x", "café ✓")),
                arguments("x eq \"a\\/b\\tc\\nd\\r\\b\\f\"", eq("x", "a/b\tc\nd\r\b\f")),
                arguments("x eq \"\"", eq("x", "")),

                // whitespace between tokens is free
                arguments("   userName    eq    \"x\"   ", eq("userName", "x")),
                arguments("not(title pr)", not(pr("title"))),
                arguments("(title pr)and(nickName pr)", and(pr("title"), pr("nickName"))),
                arguments("emails[ type eq \"work\" ]", has("emails", eq("type", "work"))),
                arguments("notes pr", pr("notes")));
    }

    static Stream<Arguments> precedence() {
        return Stream.of(
                arguments("a eq 1 or b eq 2 and c eq 3", or(eq("a", 1), and(eq("b", 2), eq("c", 3)))),
                arguments("a eq 1 and b eq 2 or c eq 3", or(and(eq("a", 1), eq("b", 2)), eq("c", 3))),
                arguments("not (x pr) and y pr", and(not(pr("x")), pr("y"))),
                arguments("y pr or not (x pr) and z pr", or(pr("y"), and(not(pr("x")), pr("z")))),
                arguments("a pr or b pr or c pr", or(or(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and b pr and c pr", and(and(pr("a"), pr("b")), pr("c"))),
                arguments("a pr or (b pr or c pr)", or(pr("a"), or(pr("b"), pr("c")))),
                arguments("(a pr or b pr) and c pr", and(or(pr("a"), pr("b")), pr("c"))),
                arguments("a pr and (b pr or (c pr and d pr))", and(pr("a"), or(pr("b"), and(pr("c"), pr("d"))))),
                arguments("((a pr))", pr("a")),
                arguments("not (not (a pr))", not(not(pr("a")))),
                arguments("emails[type eq \"work\" or primary eq true and value ew \".org\"]",
                        has("emails", or(eq("type", "work"), and(eq("primary", true), ew("value", ".org"))))));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("userName", 8),
                arguments("userName ", 9),
                arguments("userName equals \"x\"", 9),
                arguments("userName eq", 11),
                arguments("userName eq \"bjensen", 12),
                arguments("userName eq bjensen", 12),
                arguments("userName eq \"x\")", 15),
                arguments("(userName eq \"x\"", 16),
                arguments("userName eq \"x\" ]", 16),
                arguments("emails[type eq \"work\"", 21),
                arguments("emails[type[value eq 1] eq \"x\"]", 11),
                arguments("emails[urn:ietf:params:scim:schemas:core:2.0:User:type eq \"work\"]", 7),
                arguments("emails[value.x eq 1]", 7),
                arguments("name.givenName[value eq 1]", 0),
                arguments("not userName eq \"x\"", 4),
                arguments("title pr and", 12),
                arguments("title pr and ()", 14),
                arguments("title pr nickName pr", 9),
                arguments("x eq \"\\q\"", 6),
                arguments("x eq \"\\u00g0\"", 6),
                arguments("x eq \"\\u00", 6),
                arguments("x eq \"a\u0001\"", 7),
                arguments("x eq 01", 5),
                arguments("x eq 1.", 5),
                arguments("x eq -", 5),
                arguments("x eq 1e", 5),
                arguments("x eq 12abc", 5),
                arguments("x eq 1e99999999999", 5),
                arguments("name..givenName eq \"x\"", 5),
                arguments("name.givenName.x eq 1", 14),
                arguments("1abc eq 1", 0),
                arguments("foo:bar eq 1", 0),
                arguments("urn: eq 1", 0),
                arguments(ENTERPRISE + ": eq 1", ENTERPRISE.length() + 1),
                arguments("emails[type eq \"work\"].", 23),
                arguments("(".repeat(51) + "a pr" + ")".repeat(51), 50));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parseWhenValidThenBuildsAst(String text, Filter expected) {
        assertThat(FilterParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("precedence")
    void parseWhenMixingAndOrNotThenNotBindsTightestThenAndThenOr(String text, Filter expected) {
        assertThat(FilterParser.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource({"valid", "precedence"})
    void toStringWhenParsedThenParsesBackToEqualAst(String text, Filter expected) {
        assertThat(FilterParser.parse(expected.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void parseWhenInvalidThenInvalidFilterWithPosition(String text, int position) {
        assertThatThrownBy(() -> FilterParser.parse(text)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType()).isEqualTo("invalidFilter");
            assertThat(e.detail()).containsPattern("position " + position + "\\b");
        });
    }

    @Test
    void parseWhenEmptyThenInvalidFilter() {
        for (String text : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> FilterParser.parse(text)).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.detail()).isEqualTo("empty filter"));
        }
    }

    @Test
    void parseWhenLongerThanLimitThenInvalidFilter() {
        String text = "x eq \"" + "a".repeat(FilterParser.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> FilterParser.parse(text)).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo("invalidFilter"));
    }

    @Test
    void parseWhenNestedToTheLimitThenParses() {
        String text = "(".repeat(FilterParser.MAX_DEPTH) + "a pr" + ")".repeat(FilterParser.MAX_DEPTH);
        assertThat(FilterParser.parse(text)).isEqualTo(pr("a"));
    }

    @Test
    void toStringWhenLongOrChainThenPrintsWithoutNesting() {
        Filter chain = pr("a0");
        for (int i = 1; i < 500; i++) {
            chain = or(chain, pr("a" + i));
        }
        assertThat(chain.toString()).doesNotContain("(");
        assertThat(FilterParser.parse(chain.toString())).isEqualTo(chain);
    }
}
