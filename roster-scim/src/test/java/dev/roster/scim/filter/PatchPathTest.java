package dev.roster.scim.filter;

import static dev.roster.scim.filter.Ast.and;
import static dev.roster.scim.filter.Ast.co;
import static dev.roster.scim.filter.Ast.eq;
import static dev.roster.scim.filter.Ast.path;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.roster.scim.ScimException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PatchPathTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    static Stream<Arguments> valid() {
        return Stream.of(
                arguments("userName", new PatchPath(path("userName"), null, null)),
                arguments("name.givenName", new PatchPath(path("name.givenName"), null, null)),
                arguments("emails[type eq \"work\"]", new PatchPath(path("emails"), eq("type", "work"), null)),
                arguments("emails[type eq \"work\"].value", new PatchPath(path("emails"), eq("type", "work"), "value")),
                arguments("emails[type eq \"work\" and value co \"@acme\"].display", new PatchPath(path("emails"),
                        and(eq("type", "work"), co("value", "@acme")), "display")),
                arguments("members[value eq \"2819c223\"]", new PatchPath(path("members"), eq("value", "2819c223"),
                        null)),
                arguments("members[value eq \"2819c223\"].$ref", new PatchPath(path("members"),
                        eq("value", "2819c223"), "$ref")),
                arguments(ENTERPRISE + ":manager", new PatchPath(path(ENTERPRISE + ":manager"), null, null)),
                arguments(ENTERPRISE + ":manager.value", new PatchPath(path(ENTERPRISE + ":manager.value"), null,
                        null)),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName",
                        new PatchPath(path("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName"), null, null)),
                arguments("urn:roster:params:1.0:UserAttribute:department",
                        new PatchPath(path("urn:roster:params:1.0:UserAttribute:department"), null, null)),
                arguments("addresses[type eq \"work\"].streetAddress",
                        new PatchPath(path("addresses"), eq("type", "work"), "streetAddress")),
                arguments(" userName ", new PatchPath(path("userName"), null, null)));
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                arguments("name.", 5),
                arguments("name.givenName.x", 14),
                arguments("name..givenName", 5),
                arguments("emails[type eq \"work\"", 21),
                arguments("emails[type eq \"work\"].", 23),
                arguments("emails[type eq \"work\"]value", 22),
                arguments("emails[type eq \"work\"].value.x", 28),
                arguments("emails[type eq]", 14),
                arguments("emails[type[value eq 1]]", 11),
                arguments("name.givenName[value eq 1]", 0),
                arguments("userName eq \"x\"", 9),
                arguments("1userName", 0),
                arguments("foo:bar", 0),
                arguments("urn:roster:params:1.0:UserAttribute:", 36),
                arguments("emails]", 6));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void parseWhenValidThenSplitsAttributeFilterAndSubAttribute(String text, PatchPath expected) {
        assertThat(PatchPath.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("valid")
    void toStringWhenParsedThenParsesBackToEqualPath(String text, PatchPath expected) {
        assertThat(PatchPath.parse(expected.toString())).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("invalid")
    void parseWhenInvalidThenInvalidPathWithPosition(String text, int position) {
        assertThatThrownBy(() -> PatchPath.parse(text)).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.scimType()).isEqualTo("invalidPath");
            assertThat(e.detail()).containsPattern("position " + position + "\\b");
        });
    }

    @Test
    void parseWhenEmptyThenInvalidPath() {
        for (String text : new String[] {null, "", "  "}) {
            assertThatThrownBy(() -> PatchPath.parse(text)).isInstanceOfSatisfying(ScimException.class,
                    e -> assertThat(e.scimType()).isEqualTo("invalidPath"));
        }
    }

    @Test
    void toStringWhenValueFilterAndSubAttributeThenPrintsRfcForm() {
        assertThat(PatchPath.parse("emails[type eq \"work\"].value")).hasToString("emails[type eq \"work\"].value");
    }
}
