package dev.roster.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The events SCIM user writes emit, as an application polling {@code GET /api/v1/events} sees them. */
class UserEventsHttpTest extends RosterHttpTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @Test
    void oktaLifecycleThenOneEventPerWriteShowingTheUserAsScimReturnsIt() {
        ScimDirectory directory = newDirectory("okta");
        JsonClient scim = scim(directory);
        HttpResponse created = scim.post("/Users", fixture("okta/user-create.json"));
        assertThat(created.status()).isEqualTo(201);
        String userId = created.body().get("id").asString();
        String userPath = "/Users/" + userId;
        HttpResponse replaced = scim.put(userPath, fixtureText("okta/user-replace.json").replace("{{id}}", userId));
        HttpResponse deactivated = scim.patch(userPath, fixture("okta/patch-deactivate.json"));
        HttpResponse reactivated = scim.patch(userPath, fixture("okta/patch-reactivate.json"));
        HttpResponse beforeDelete = scim.get(userPath);
        assertThat(scim.delete(userPath).status()).isEqualTo(204);

        List<JsonNode> events = userEvents(directory, 5);

        assertThat(events).extracting(event -> event.get("type").asString()).containsExactly("user.created",
                "user.updated", "user.deactivated", "user.reactivated", "user.deleted");
        events.forEach(event -> assertEnvelope(event, directory));
        assertThat(events.get(0).get("data")).isEqualTo(created.body());
        assertThat(withoutChangedAttributes(events.get(1))).isEqualTo(replaced.body());
        assertThat(changedAttributes(events.get(1)))
                .containsExactlyInAnyOrder("name.givenName", "name.familyName", "emails", "displayName");
        assertThat(withoutChangedAttributes(events.get(2))).isEqualTo(deactivated.body());
        assertThat(changedAttributes(events.get(2))).containsExactly("active");
        assertThat(withoutChangedAttributes(events.get(3))).isEqualTo(reactivated.body());
        assertThat(changedAttributes(events.get(3))).containsExactly("active");
        assertThat(events.get(4).get("data")).isEqualTo(beforeDelete.body());
        for (JsonNode event : events.subList(0, 4)) {
            assertThat(event.get("occurredAt")).isEqualTo(event.get("data").get("meta").get("lastModified"));
        }
        assertThat(events.toString()).doesNotContain("Nq7#vT2m!pLx", "r8!Wd3zQ#kLe", "password");
    }

    @Test
    void entraPatchOfSubAndExtensionAttributesThenUpdatedNamesEachChangedPath() {
        ScimDirectory directory = newDirectory("entra");
        JsonClient scim = scim(directory);
        String userId = scim.post("/Users", fixture("entra/user-create.json")).body().get("id").asString();

        HttpResponse patched = scim.patch("/Users/" + userId, fixture("entra/patch-replace-attributes.json"));
        assertThat(patched.status()).isEqualTo(200);

        JsonNode updated = userEvents(directory, 2).get(1);
        assertThat(updated.get("type").asString()).isEqualTo("user.updated");
        assertThat(changedAttributes(updated)).containsExactlyInAnyOrder("title", "emails", "name.familyName",
                "name.givenName", ENTERPRISE + ":department");
        assertThat(withoutChangedAttributes(updated)).isEqualTo(patched.body());
    }

    @Test
    void writesThatFailOrChangeNothingThenNoEvent() {
        ScimDirectory directory = newDirectory("okta");
        JsonClient scim = scim(directory);
        HttpResponse created = scim.post("/Users", fixture("okta/user-create.json"));
        String userPath = "/Users/" + created.body().get("id").asString();

        assertThat(scim.post("/Users", fixture("okta/user-create.json")).status()).isEqualTo(409);
        assertThat(scim.patch(userPath, fixture("okta/patch-reactivate.json")).status()).isEqualTo(200);
        assertThat(scim.withHeader("If-Match", "W/\"7\"").patch(userPath, fixture("okta/patch-deactivate.json"))
                .status()).isEqualTo(412);
        assertThat(scim.patch(userPath, Map.of("schemas", List.of("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
                "Operations", List.of(Map.of("op", "replace", "path", "active", "value", "maybe")))).status())
                .isEqualTo(400);
        assertThat(scim.withHeader("If-Match", "W/\"7\"").delete(userPath).status()).isEqualTo(412);
        assertThat(scim.delete("/Users/unknown").status()).isEqualTo(404);
        String adminPath = lastAdmin(directory, scim);
        assertThat(scim.patch(adminPath, fixture("okta/patch-deactivate.json")).status()).isEqualTo(409);
        assertThat(scim.delete(adminPath).status()).isEqualTo(409);
        HttpResponse marker = scim.patch(userPath, fixture("okta/patch-deactivate.json"));
        assertThat(marker.status()).isEqualTo(200);

        List<JsonNode> events = new EventPoller(operator(), null, "&organizationId=" + directory.organizationId()
                + "&type=user.created,user.updated,user.deactivated,user.reactivated,user.deleted,member.role_changed")
                .awaitMatching(1, event -> event.get("type").asString().equals("user.deactivated"));

        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("user.created", "user.created", "member.role_changed", "user.deactivated");
        assertThat(events.get(0).get("data")).isEqualTo(created.body());
        assertThat(events.get(1).get("data").get("id").asString()).isEqualTo(adminPath.substring("/Users/".length()));
        assertThat(withoutChangedAttributes(events.get(3))).isEqualTo(marker.body());
    }

    /** A second user whose member is made the organization's only admin; its SCIM path. */
    private String lastAdmin(ScimDirectory directory, JsonClient scim) {
        ObjectNode body = (ObjectNode) fixture("okta/user-create.json");
        body.put("userName", "admin@analytical-engines.example").put("externalId", "00uADMIN");
        String userId = scim.post("/Users", body).body().get("id").asString();
        String membersPath = "/api/v1/organizations/" + directory.organizationId() + "/members";
        for (JsonNode member : operator().get(membersPath + "?limit=100").body().get("data")) {
            if (userId.equals(member.path("userId").asString(null))) {
                assertThat(operator().patch(membersPath + "/" + member.get("id").asString(),
                        Map.of("role", "admin")).status()).isEqualTo(200);
            }
        }
        return "/Users/" + userId;
    }

    private List<JsonNode> userEvents(ScimDirectory directory, int count) {
        return new EventPoller(operator(), null, "&organizationId=" + directory.organizationId()
                + "&type=user.created,user.updated,user.deactivated,user.reactivated,user.deleted").await(count);
    }

    private static JsonNode withoutChangedAttributes(JsonNode event) {
        ObjectNode data = ((ObjectNode) event.get("data")).deepCopy();
        data.remove("changedAttributes");
        return data;
    }

    private static List<String> changedAttributes(JsonNode event) {
        return event.get("data").get("changedAttributes").valueStream().map(JsonNode::asString).toList();
    }

    private static void assertEnvelope(JsonNode event, ScimDirectory directory) {
        assertThat(event.propertyNames()).containsExactly("id", "type", "version", "occurredAt", "organizationId",
                "directoryId", "data");
        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("organizationId").asString()).isEqualTo(directory.organizationId());
        assertThat(event.get("directoryId").asString()).isEqualTo(directory.id());
    }
}
