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

/** The events the management API's writes emit, as an application polling {@code GET /api/v1/events} sees them. */
class EventsHttpTest extends RosterHttpTest {

    @Test
    void tokenCreatedAndRevokedWhenDirectoryCreatedRotatedAndRevokedThenEventsWithoutSecrets() {
        ScimDirectory directory = newDirectory("okta");
        HttpResponse rotated = operator().post("/api/v1/directories/" + directory.id() + "/tokens", null);
        assertThat(rotated.status()).isEqualTo(201);
        String rotatedId = rotated.body().get("id").asString();
        assertThat(operator().delete("/api/v1/directories/" + directory.id() + "/tokens/" + rotatedId).status())
                .isEqualTo(204);

        List<JsonNode> events = EventPoller.ofOrganization(operator(), directory.organizationId()).await(3);

        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("directory.token.created", "directory.token.created", "directory.token.revoked");
        JsonNode tokens = operator().get("/api/v1/directories/" + directory.id() + "/tokens").body().get("data");
        for (JsonNode event : events) {
            assertEnvelope(event, directory.organizationId(), directory.id());
            assertThat(event.get("data").has("token")).isFalse();
        }
        assertThat(events.get(0).get("data")).isEqualTo(withoutSecret(tokens.get(0)).put("revokedAt", (String) null));
        assertThat(events.get(1).get("data")).isEqualTo(withoutSecret(rotated.body()));
        assertThat(events.get(2).get("data")).isEqualTo(withoutSecret(tokens.get(1)));
        assertThat(events.get(2).get("data").get("revokedAt").isString()).isTrue();
        assertThat(events.toString()).doesNotContain(directory.token(), rotated.body().get("token").asString());
    }

    @Test
    void memberCreatedAndRoleChangedWhenMadeByHandAndPromotedThenEventsShowTheMember() {
        String organizationId = newOrganization();
        HttpResponse created = operator().post(membersPath(organizationId),
                Map.of("email", "it-admin@acme.example", "name", "Acme IT"));
        assertThat(created.status()).isEqualTo(201);
        String memberPath = membersPath(organizationId) + "/" + created.body().get("id").asString();
        HttpResponse promoted = operator().patch(memberPath, Map.of("role", "admin"));
        assertThat(promoted.status()).isEqualTo(200);

        List<JsonNode> events = EventPoller.ofOrganization(operator(), organizationId).await(2);

        assertThat(events).extracting(event -> event.get("type").asString())
                .containsExactly("member.created", "member.role_changed");
        events.forEach(event -> assertEnvelope(event, organizationId, null));
        assertThat(events.get(0).get("data")).isEqualTo(created.body());
        ObjectNode expected = ((ObjectNode) promoted.body()).deepCopy().put("previousRole", "member");
        assertThat(events.get(1).get("data")).isEqualTo(expected);
        assertThat(events.get(1).get("data").get("role").asString()).isEqualTo("admin");
    }

    @Test
    void writesThatChangeNothingWhenRefusedOrRepeatedThenNoEvent() {
        ScimDirectory directory = newDirectory("okta");
        JsonClient scim = scim(directory);
        HttpResponse user = scim.post("/Users", fixture("okta/user-create.json"));
        assertThat(user.status()).isEqualTo(201);
        assertThat(scim.patch("/Users/" + user.body().get("id").asString(), fixture("okta/patch-deactivate.json"))
                .status()).isEqualTo(200);
        JsonNode revoked = operator().get(membersPath(directory.organizationId()) + "?status=revoked")
                .body().get("data").get(0);
        String memberPath = membersPath(directory.organizationId()) + "/" + revoked.get("id").asString();
        String tokensPath = "/api/v1/directories/" + directory.id() + "/tokens";
        String initialToken = operator().get(tokensPath).body().get("data").get(0).get("id").asString();

        assertThat(operator().patch(memberPath, Map.of("role", "admin")).status()).isEqualTo(409);
        assertThat(operator().patch(memberPath, Map.of("role", "member")).status()).isEqualTo(200);
        assertThat(operator().delete(tokensPath + "/dtk_unknown").status()).isEqualTo(404);
        assertThat(operator().delete(tokensPath + "/" + initialToken).status()).isEqualTo(204);
        assertThat(operator().delete(tokensPath + "/" + initialToken).status()).isEqualTo(204);
        String marker = operator().post(tokensPath, null).body().get("id").asString();

        List<JsonNode> events = EventPoller.ofOrganization(operator(), directory.organizationId())
                .awaitMatching(1, event -> event.get("data").get("id").asString().equals(marker));

        assertThat(events).extracting(event -> event.get("type").asString() + " " + event.get("data").get("id"))
                .containsExactly("directory.token.created \"" + initialToken + "\"",
                        "user.created \"" + user.body().get("id").asString() + "\"",
                        "user.deactivated \"" + user.body().get("id").asString() + "\"",
                        "directory.token.revoked \"" + initialToken + "\"",
                        "directory.token.created \"" + marker + "\"");
    }

    @Test
    void listWhenFilteredByOrganizationAndTypeThenOnlyMatchingEventsAndTheCursorMovesPastTheRest() {
        ScimDirectory first = newDirectory("okta");
        ScimDirectory second = newDirectory("entra");
        operator().post("/api/v1/directories/" + first.id() + "/tokens", null);
        operator().post(membersPath(second.organizationId()), Map.of("email", "ada@example.com"));
        operator().post(membersPath(first.organizationId()), Map.of("email", "ada@example.com"));
        EventPoller.ofOrganization(operator(), first.organizationId()).await(3);
        EventPoller.ofOrganization(operator(), second.organizationId()).await(2);

        EventPoller members = new EventPoller(operator(), null,
                "&organizationId=" + first.organizationId() + "&type=member.created");
        List<JsonNode> firstPage = members.poll(1000);
        assertThat(firstPage).extracting(event -> event.get("type").asString() + " " + event.get("organizationId")
                .asString()).containsExactly("member.created " + first.organizationId());
        assertThat(members.poll(1000)).isEmpty();
        String caughtUp = members.cursor();
        assertThat(members.poll(1000)).isEmpty();
        assertThat(members.cursor()).isEqualTo(caughtUp);

        EventPoller tokensOfBoth = new EventPoller(operator(), null, "&type=directory.token.created,member.created"
                + "&organizationId=" + second.organizationId());
        assertThat(tokensOfBoth.await(2)).extracting(event -> event.get("type").asString())
                .containsExactly("directory.token.created", "member.created");
    }

    @Test
    void listWhenLimitIsOneThenOneEventAPageInOrder() {
        ScimDirectory directory = newDirectory("okta");
        operator().post("/api/v1/directories/" + directory.id() + "/tokens", null);
        List<JsonNode> all = EventPoller.ofOrganization(operator(), directory.organizationId()).await(2);

        EventPoller onePerPage = EventPoller.ofOrganization(operator(), directory.organizationId());
        assertThat(onePerPage.poll(1)).containsExactly(all.get(0));
        assertThat(onePerPage.poll(1)).containsExactly(all.get(1));
    }

    @Test
    void listWhenParametersAreBadThenProblemNamingTheParameter() {
        assertProblem("/api/v1/events?limit=0", "'limit'");
        assertProblem("/api/v1/events?limit=1001", "'limit'");
        assertProblem("/api/v1/events?limit=many", "'limit'");
        assertProblem("/api/v1/events?after=not-a-cursor", "'after'");
        assertProblem("/api/v1/events?after=dTE6LTE", "'after'");
        assertProblem("/api/v1/events?type=user.exploded", "'type'");
        assertThat(operator().get("/api/v1/events?limit=1000").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/events").status()).isEqualTo(401);
    }

    private void assertProblem(String path, String parameter) {
        HttpResponse response = operator().get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("detail").asString()).as(path).contains(parameter);
    }

    private static void assertEnvelope(JsonNode event, String organizationId, String directoryId) {
        assertThat(event.propertyNames()).containsExactly("id", "type", "version", "occurredAt", "organizationId",
                "directoryId", "data");
        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("version").asInt()).isEqualTo(1);
        assertThat(event.get("occurredAt").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(event.get("organizationId").asString()).isEqualTo(organizationId);
        assertThat(event.get("directoryId").asString(null)).isEqualTo(directoryId);
    }

    private static ObjectNode withoutSecret(JsonNode tokenView) {
        ObjectNode token = ((ObjectNode) tokenView).deepCopy();
        token.remove("token");
        return token;
    }

    private String newOrganization() {
        return operator().post("/api/v1/organizations", Map.of("name", "Events")).body().get("id").asString();
    }

    private static String membersPath(String organizationId) {
        return "/api/v1/organizations/" + organizationId + "/members";
    }
}
