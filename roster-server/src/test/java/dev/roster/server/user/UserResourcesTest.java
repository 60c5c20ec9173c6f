package dev.roster.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.scim.resource.ResourceNormalizer;
import dev.roster.scim.schema.CoreSchemas;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
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
        String base = "https://roster.example/scim/v2/dir_\"quoted\"";
        String groups = """
                [["g1","{\\"schemas\\":[],\\"displayName\\":\\"R&D \\\\\\"core\\\\\\"\\"}"],["g2","{}"]]""";

        for (String storedGroups : Arrays.asList(null, groups)) {
            StoredUser user = new StoredUser("8d3c0a8e-1f0b-4bb5-9d5e-0c1f3c2f6f4a", 7, 3, created,
                    created.plusMinutes(5), UserResources.serialize(document), storedGroups);

            String spliced = UserResources.json(user, base);

            assertThat(UserResources.JSON.readTree(spliced)).isEqualTo(UserResources.render(user, base));
            assertThat(spliced).startsWith("{\"schemas\":[").isEqualTo(UserResources.JSON.writeValueAsString(
                    UserResources.render(user, base)));
        }
    }

    @Test
    void groupsAttributeListsEachGroupWithRefDisplayAndDirectType() {
        StoredUser user = new StoredUser("u1", 1, 1, OffsetDateTime.now(ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC), "{\"schemas\":[],\"userName\":\"ann\"}", """
                [["g1","{\\"displayName\\":\\"Engineers\\"}"],["g2","{}"]]""");

        JsonNode groups = UserResources.render(user, "https://roster.example/scim/v2").get("groups");

        assertThat(groups).hasSize(2);
        assertThat(groups.get(0).get("value").asString()).isEqualTo("g1");
        assertThat(groups.get(0).get("$ref").asString()).isEqualTo("https://roster.example/scim/v2/Groups/g1");
        assertThat(groups.get(0).get("display").asString()).isEqualTo("Engineers");
        assertThat(groups.get(0).get("type").asString()).isEqualTo("direct");
        assertThat(groups.get(1).has("display")).isFalse();
    }
}
