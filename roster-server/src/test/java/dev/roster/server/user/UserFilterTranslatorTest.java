package dev.roster.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.filter.FilterParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserFilterTranslatorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "emails[type eq \"work\"].value eq \"Ann@Example.com\"",
            "emails[type eq \"work\" and value eq \"ann@example.com\"]",
            "emails[value eq \"ann@example.com\"]",
            "emails.value eq \"ann@example.com\"",
            "emails eq \"ann@example.com\"",
            "urn:ietf:params:scim:schemas:core:2.0:User:emails.value eq \"ann@example.com\"",
            "userName eq \"ann\" or emails[type eq \"work\"].value eq \"ann@example.com\""})
    void emailLookupsWhenEqualityOnValueThenExactIndexProbe(String filter) {
        assertThat(UserFilterTranslator.translate(FilterParser.parse(filter)).exact()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "emails[type eq \"work\"]",
            "emails[value co \"@example.com\"]",
            "emails[type eq \"work\" or value eq \"ann@example.com\"]",
            "emails[primary eq true and value eq \"ann@example.com\"]",
            "emails.type eq \"work\"",
            "emails co \"example\""})
    void otherEmailFiltersWhenNotAnIndexProbeThenCheckedInMemory(String filter) {
        assertThat(UserFilterTranslator.translate(FilterParser.parse(filter)).exact()).isFalse();
    }
}
