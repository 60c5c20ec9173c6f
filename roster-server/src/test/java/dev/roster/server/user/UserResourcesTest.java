package dev.roster.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.CoreSchemas;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class UserResourcesTest {

    private static final ResourceNormalizer NORMALIZER = new ResourceNormalizer(CoreSchemas.user());

    @ParameterizedTest
    @ValueSource(strings = {
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"ann"}""",
            """
            {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
              "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
             "userName":"Ann \\"the [first]\\" O'Neil","externalId":"00u1","active":false,
             "name":{"givenName":"Ann","familyName":"O'Neil"},
             "emails":[{"value":"ann@example.com","type":"work","primary":true}],
             "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"R&D ]"}}"""})
    void jsonWhenSplicedThenSameResourceAsTheRenderedTree(String body) {
        ObjectNode document = NORMALIZER.normalize(UserResources.JSON.readTree(body));
        OffsetDateTime created = OffsetDateTime.of(2026, 11, 22, 10, 0, 0, 123_000_000, ZoneOffset.ofHours(2));
        StoredUser user = new StoredUser("8d3c0a8e-1f0b-4bb5-9d5e-0c1f3c2f6f4a", 7, 3, created,
                created.plusMinutes(5), UserResources.serialize(document));
        String base = "https://roster.example/scim/v2/dir_\"quoted\"";

        String spliced = UserResources.json(user, base);

        assertThat(UserResources.JSON.readTree(spliced)).isEqualTo(UserResources.render(user, base));
        assertThat(spliced).startsWith("{\"schemas\":[").isEqualTo(UserResources.JSON.writeValueAsString(
                UserResources.render(user, base)));
    }
}
