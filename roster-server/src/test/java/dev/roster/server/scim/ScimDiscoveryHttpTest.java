package dev.roster.server.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ScimDiscoveryHttpTest extends RosterHttpTest {

    @Test
    void serviceProviderConfigAdvertisesWhatIsImplemented() {
        ScimDirectory directory = newDirectory("okta");

        HttpResponse response = scim(directory).get("/ServiceProviderConfig");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).startsWith(SCIM_JSON);
        JsonNode config = response.body();
        assertThat(config.get("patch").get("supported").asBoolean()).isTrue();
        assertThat(config.get("bulk").get("supported").asBoolean()).isFalse();
        assertThat(config.get("filter").get("supported").asBoolean()).isTrue();
        assertThat(config.get("filter").get("maxResults").asInt()).isEqualTo(500);
        assertThat(config.get("sort").get("supported").asBoolean()).isTrue();
        assertThat(config.get("etag").get("supported").asBoolean()).isTrue();
        assertThat(config.get("changePassword").get("supported").asBoolean()).isFalse();
        assertThat(config.get("pagination").get("cursor").asBoolean()).isTrue();
        assertThat(config.get("authenticationSchemes").get(0).get("type").asString()).isEqualTo("oauthbearertoken");
        assertThat(config.get("meta").get("location").asString())
                .isEqualTo(directory.scimBaseUrl() + "/ServiceProviderConfig");
    }

    @Test
    void resourceTypesAndSchemasDescribeUsersWithEnterpriseAndCustomAttributeExtensionsAndGroups() {
        JsonClient scim = scim(newDirectory("entra"));

        JsonNode types = scim.get("/ResourceTypes").body();
        assertThat(types.get("totalResults").asInt()).isEqualTo(2);
        assertThat(scim.get("/ResourceTypes/Group").body().get("endpoint").asString()).isEqualTo("/Groups");
        JsonNode user = scim.get("/ResourceTypes/User").body();
        assertThat(user.get("endpoint").asString()).isEqualTo("/Users");
        assertThat(user.get("schemaExtensions").get(0).get("schema").asString())
                .isEqualTo("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(user.get("schemaExtensions").get(1).get("schema").asString())
                .isEqualTo("urn:roster:params:1.0:UserAttribute");

        JsonNode schemas = scim.get("/Schemas").body();
        List<String> ids = new ArrayList<>();
        schemas.get("Resources").forEach(s -> ids.add(s.get("id").asString()));
        assertThat(ids).containsExactly("urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User",
                "urn:roster:params:1.0:UserAttribute",
                "urn:ietf:params:scim:schemas:core:2.0:Group");

        JsonNode userSchema = scim.get("/Schemas/urn:ietf:params:scim:schemas:core:2.0:User").body();
        JsonNode userName = attribute(userSchema, "userName");
        assertThat(userName.get("uniqueness").asString()).isEqualTo("server");
        assertThat(userName.get("caseExact").asBoolean()).isFalse();
        assertThat(attribute(userSchema, "password").get("returned").asString()).isEqualTo("never");

        ScimUsersHttpTest.assertScimError(scim.get("/Schemas/urn:example:nope"), 404, null);
        ScimUsersHttpTest.assertScimError(scim.get("/ResourceTypes/Widget"), 404, null);
    }

    private static JsonNode attribute(JsonNode schema, String name) {
        for (JsonNode attribute : schema.get("attributes")) {
            if (attribute.get("name").asString().equals(name)) {
                return attribute;
            }
        }
        throw new AssertionError("no attribute " + name);
    }
}
