package dev.roster.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ChangedAttributesTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void identicalVersionsThenNothingChanged() {
        ObjectNode user = user("""
                {"userName":"a@example.com","name":{"givenName":"A"},"emails":[{"value":"a@example.com"}]}""");
        assertThat(ChangedAttributes.between(user, user.deepCopy())).isEmpty();
    }

    @Test
    void scalarSubAttributeAndMultiValuedChangesThenNamedByPath() {
        ObjectNode before = user("""
                {"userName":"a@example.com","title":"Engineer","name":{"givenName":"A","familyName":"Z"},
                 "emails":[{"value":"a@example.com","primary":true}],"active":true}""");
        ObjectNode after = user("""
                {"userName":"a@example.com","title":"Manager","name":{"givenName":"B","familyName":"Z"},
                 "emails":[{"value":"b@example.com","primary":true}],"active":false}""");
        assertThat(ChangedAttributes.between(before, after))
                .containsExactly("title", "name.givenName", "emails", "active");
    }

    @Test
    void addedAndRemovedAttributesThenBothNamed() {
        ObjectNode before = user("""
                {"userName":"a@example.com","nickName":"al","name":{"givenName":"A"}}""");
        ObjectNode after = user("""
                {"userName":"a@example.com","title":"Engineer","name":{"givenName":"A","familyName":"Z"}}""");
        assertThat(ChangedAttributes.between(before, after)).containsExactly("nickName", "name.familyName", "title");
    }

    @Test
    void extensionAttributesThenNamedWithTheirUrn() {
        ObjectNode before = user("{\"userName\":\"a\",\"" + ENTERPRISE + "\":{\"department\":\"R&D\","
                + "\"manager\":{\"value\":\"m1\"}}}");
        ObjectNode after = user("{\"userName\":\"a\",\"" + ENTERPRISE + "\":{\"department\":\"Sales\","
                + "\"manager\":{\"value\":\"m2\"},\"costCenter\":\"42\"}}");
        assertThat(ChangedAttributes.between(before, after)).containsExactly(ENTERPRISE + ":department",
                ENTERPRISE + ":manager.value", ENTERPRISE + ":costCenter");
    }

    @Test
    void extensionAddedWholeThenNamedOnce() {
        ObjectNode before = user("{\"schemas\":[\"s\"],\"userName\":\"a\"}");
        ObjectNode after = user("{\"schemas\":[\"s\",\"" + ENTERPRISE + "\"],\"userName\":\"a\",\"" + ENTERPRISE
                + "\":{\"department\":\"R&D\"}}");
        assertThat(ChangedAttributes.between(before, after)).containsExactly(ENTERPRISE);
    }

    private static ObjectNode user(String json) {
        return TestJson.object(json);
    }
}
