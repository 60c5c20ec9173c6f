package dev.roster.server.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import dev.roster.server.support.ScimGroups;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The events of SCIM group writes as an application polling {@code GET /api/v1/events} sees them, for the requests
 * Okta and Entra send (src/test/resources/okta/groups and entra/groups).
 */
class GroupEventsHttpTest extends RosterHttpTest {

    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    private static final String GROUP_TYPES =
            "group.created,group.updated,group.deleted,group.member_added,group.member_removed";

    private ScimDirectory directory;
    private JsonClient scim;
    private EventPoller events;
    private String ada;
    private String charles;
    private String grace;

    @BeforeEach
    void provisionThreeUsers() {
        directory = newDirectory("okta");
        scim = scim(directory);
        events = new EventPoller(operator(), null,
                "&organizationId=" + directory.organizationId() + "&type=" + GROUP_TYPES);
        ada = createUser("ada.lovelace@analytical-engines.example");
        charles = createUser("charles.babbage@analytical-engines.example");
        grace = createUser("grace.hopper@analytical-engines.example");
    }

    @Test
    void createWhenMembersGivenThenGroupCreatedAndMemberAddedForEach() {
        HttpResponse created = scim.post("/Groups", """
                {"schemas":["%s"],"displayName":"Analytical Engine Programmers","externalId":"okta-00g1",
                 "members":[{"value":"%s"},{"value":"%s"},{"value":"%s"}]}""".formatted(GROUP, ada, charles, ada));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();

        List<JsonNode> written = next(3);

        assertThat(written.getFirst().get("type").asString()).isEqualTo("group.created");
        assertThat(written.getFirst().get("data")).isEqualTo(managementView(id));
        assertThat(written.getFirst().get("data").get("memberCount").asLong()).isEqualTo(2);
        assertThat(Instant.parse(written.getFirst().get("data").get("createdAt").asString()))
                .isEqualTo(Instant.parse(created.body().get("meta").get("created").asString()));
        assertThat(written.subList(1, 3)).extracting(GroupEventsHttpTest::summary).containsExactlyInAnyOrder(
                "group.member_added ada.lovelace@analytical-engines.example",
                "group.member_added charles.babbage@analytical-engines.example");
        JsonNode added = written.get(1).get("data");
        String addedUser = added.get("user").get("id").asString();
        assertThat(added).isEqualTo(JsonClient.json("""
                {"group":{"id":"%s","displayName":"Analytical Engine Programmers","externalId":"okta-00g1"},
                 "user":{"id":"%s","userName":"%s"}}""".formatted(id, addedUser,
                scim.get("/Users/" + addedUser).body().get("userName").asString())));
        written.forEach(event -> assertWrittenWith(event, created.body()));
    }

    @Test
    void patchWhenOktaAndEntraChangeMembersThenOneEventPerMemberActuallyAddedOrRemoved() {
        String id = createGroup("Engineers");
        next(1);
        Map<String, String> ids = Map.of("groupId", id, "userId1", ada, "userId2", charles);

        patch(id, "entra/groups/patch-add-member.json", ids);
        assertThat(next(1)).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_added ada.lovelace@analytical-engines.example");
        patch(id, "okta/groups/patch-add-members.json", ids);
        List<JsonNode> charlesAdded = next(1);
        assertThat(charlesAdded).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_added charles.babbage@analytical-engines.example");
        assertThat(charlesAdded.getFirst().get("data")).isEqualTo(JsonClient.json("""
                {"group":{"id":"%s","displayName":"Engineers","externalId":null},
                 "user":{"id":"%s","userName":"charles.babbage@analytical-engines.example"}}""".formatted(id,
                charles)));
        assertWrittenWith(charlesAdded.getFirst(), scim.get("/Groups/" + id).body());
        patch(id, "entra/groups/patch-add-members-multiple.json", ids);
        patch(id, "okta/groups/patch-remove-member.json", ids);
        List<JsonNode> charlesRemoved = next(1);
        assertThat(charlesRemoved).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_removed charles.babbage@analytical-engines.example");
        assertWrittenWith(charlesRemoved.getFirst(), scim.get("/Groups/" + id).body());
        patch(id, "okta/groups/patch-remove-member.json", ids);
        patch(id, "entra/groups/patch-remove-member-value-only.json", ids);
        assertThat(next(1)).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_removed ada.lovelace@analytical-engines.example");
        patch(id, "entra/groups/patch-remove-member-value-only.json", ids);

        assertNoFurtherEvents();
    }

    @Test
    void patchWhenSeveralOperationsThenEventsOfTheirNetChangeAndGroupUpdatedOnlyWhenAttributesChange() {
        String id = createGroup("Analytical Engine Programmers", ada);
        next(2);
        Map<String, String> ids = Map.of("groupId", id, "userId1", ada, "userId2", charles);

        patch(id, "okta/groups/patch-replace-pathless.json", ids);
        patch(id, "okta/groups/patch-remove-and-add.json", ids);
        assertThat(next(2)).extracting(GroupEventsHttpTest::summary).containsExactly(
                "group.member_removed ada.lovelace@analytical-engines.example",
                "group.member_added charles.babbage@analytical-engines.example");
        HttpResponse removedAndAddedBack = scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"remove","path":"members[value eq \\"%s\\"]"},
                 {"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(charles, charles));
        assertThat(removedAndAddedBack.status()).as(removedAndAddedBack.toString()).isEqualTo(204);
        patch(id, "okta/groups/patch-rename.json", ids);
        List<JsonNode> renamed = next(1);

        assertThat(renamed).extracting(GroupEventsHttpTest::summary).containsExactly("group.updated");
        ObjectNode expected = ((ObjectNode) managementView(id)).deepCopy();
        expected.putArray("changedAttributes").add("displayName");
        assertThat(renamed.getFirst().get("data")).isEqualTo(expected);
        assertThat(renamed.getFirst().get("data").get("displayName").asString())
                .isEqualTo("Difference Engine Programmers");
        assertWrittenWith(renamed.getFirst(), scim.get("/Groups/" + id).body());

        patch(id, "okta/groups/patch-replace-members.json", ids);
        assertThat(next(1)).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_added ada.lovelace@analytical-engines.example");
        patch(id, "okta/groups/patch-replace-pathless-members-empty.json", ids);
        List<JsonNode> emptied = next(2);
        assertThat(emptied).extracting(GroupEventsHttpTest::summary).containsExactlyInAnyOrder(
                "group.member_removed ada.lovelace@analytical-engines.example",
                "group.member_removed charles.babbage@analytical-engines.example");
        assertThat(emptied.getFirst().get("data").get("group").get("displayName").asString())
                .isEqualTo("Difference Engine Programmers");
        assertNoFurtherEvents();
    }

    @Test
    void entraRenameWhenDisplayNameReplacedThenGroupUpdatedNamingIt() {
        HttpResponse created = scim.post("/Groups", fixture("entra/groups/group-create.json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(next(1).getFirst().get("data")).isEqualTo(managementView(id));

        patch(id, "entra/groups/patch-replace-displayName.json", Map.of());
        JsonNode renamed = next(1).getFirst();

        assertThat(renamed.get("type").asString()).isEqualTo("group.updated");
        assertThat(renamed.get("data").get("displayName").asString()).isEqualTo("Compiler Research and Development");
        assertThat(renamed.get("data").get("externalId").asString()).isEqualTo("3f6b2d18-94c7-4e0a-b5d1-7a2c9e40f863");
        assertThat(renamed.get("data").get("changedAttributes")).isEqualTo(JsonClient.json("[\"displayName\"]"));
        assertWrittenWith(renamed, scim.get("/Groups/" + id).body());
    }

    @Test
    void putWhenMembersReplacedThenEventsOfTheDifferenceOnly() {
        String id = createGroup("Engineers", ada, charles);
        next(3);

        HttpResponse replaced = scim.put("/Groups/" + id, """
                {"schemas":["%s"],"displayName":"Engineers","members":[{"value":"%s"},{"value":"%s"}]}"""
                .formatted(GROUP, charles, grace));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        List<JsonNode> replacedEvents = next(2);

        assertThat(replacedEvents).extracting(GroupEventsHttpTest::summary).containsExactly(
                "group.member_removed ada.lovelace@analytical-engines.example",
                "group.member_added grace.hopper@analytical-engines.example");
        replacedEvents.forEach(event -> assertWrittenWith(event, replaced.body()));

        HttpResponse renamed = scim.put("/Groups/" + id, """
                {"schemas":["%s"],"displayName":"Compiler Engineers","externalId":"eng",
                 "members":[{"value":"%s"},{"value":"%s"}]}""".formatted(GROUP, grace, charles));
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        JsonNode updated = next(1).getFirst();

        assertThat(updated.get("type").asString()).isEqualTo("group.updated");
        assertThat(updated.get("data").get("changedAttributes"))
                .isEqualTo(JsonClient.json("[\"displayName\",\"externalId\"]"));
        assertThat(updated.get("data").get("memberCount").asLong()).isEqualTo(2);
        assertWrittenWith(updated, renamed.body());
        assertNoFurtherEvents();
    }

    @Test
    void patchWhenMembersRemovedWithoutFilterThenMemberRemovedForEach() {
        String id = createGroup("Engineers", ada, charles);
        next(3);

        HttpResponse emptied = scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"remove","path":"members"}]}""");
        assertThat(emptied.status()).as(emptied.toString()).isEqualTo(204);

        assertThat(next(2)).extracting(GroupEventsHttpTest::summary).containsExactlyInAnyOrder(
                "group.member_removed ada.lovelace@analytical-engines.example",
                "group.member_removed charles.babbage@analytical-engines.example");
        assertThat(managementView(id).get("memberCount").asLong()).isZero();
        assertNoFurtherEvents();
    }

    @Test
    void deleteThenGroupDeletedAsItWasAndNoEventPerMembership() {
        String id = createGroup("Engineers", ada, charles);
        next(3);
        JsonNode before = managementView(id);

        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
        JsonNode deleted = next(1).getFirst();

        assertThat(deleted.get("type").asString()).isEqualTo("group.deleted");
        assertThat(deleted.get("data")).isEqualTo(before);
        assertThat(deleted.get("data").get("memberCount").asLong()).isEqualTo(2);
        assertEnvelope(deleted);
        assertThat(Instant.parse(deleted.get("occurredAt").asString()))
                .isAfterOrEqualTo(Instant.parse(before.get("updatedAt").asString()));
        assertNoFurtherEvents();
    }

    @Test
    void writesThatFailWhenUnknownMemberOrStaleIfMatchThenNoEvent() {
        String id = createGroup("Engineers", ada);
        next(2);
        String unknown = "no-such-user";
        JsonClient stale = scim.withHeader("If-Match", "W/\"1\"");
        assertThat(scim.patch("/Groups/" + id, addMembers(ada)).status()).isEqualTo(204);

        assertThat(scim.post("/Groups", """
                {"schemas":["%s"],"displayName":"Refused","members":[{"value":"%s"},{"value":"%s"}]}"""
                .formatted(GROUP, charles, unknown)).status()).isEqualTo(400);
        assertThat(scim.patch("/Groups/" + id, addMembers(charles, unknown)).status()).isEqualTo(400);
        assertThat(scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"displayName","value":"Renamed"},
                 {"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(unknown)).status())
                .isEqualTo(400);
        assertThat(scim.put("/Groups/" + id, """
                {"schemas":["%s"],"displayName":"Renamed","members":[{"value":"%s"}]}"""
                .formatted(GROUP, unknown)).status()).isEqualTo(400);
        assertThat(stale.patch("/Groups/" + id, addMembers(charles)).status()).isEqualTo(412);
        assertThat(stale.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                 {"op":"replace","path":"displayName","value":"Renamed"}]}""").status()).isEqualTo(412);
        assertThat(stale.put("/Groups/" + id, """
                {"schemas":["%s"],"displayName":"Renamed","members":[]}""".formatted(GROUP)).status())
                .isEqualTo(412);
        assertThat(stale.delete("/Groups/" + id).status()).isEqualTo(412);
        assertThat(scim.patch("/Groups/no-such-group", addMembers(charles)).status())
                .isEqualTo(404);
        assertThat(scim.patch("/Groups/" + id, addMembers(grace)).status()).isEqualTo(204);

        assertThat(next(1)).extracting(GroupEventsHttpTest::summary)
                .containsExactly("group.member_added grace.hopper@analytical-engines.example");
        assertThat(managementView(id).get("memberCount").asLong()).isEqualTo(2);
        assertNoFurtherEvents();
    }

    /** The next {@code count} group events of the directory's organization, and no more. */
    private List<JsonNode> next(int count) {
        List<JsonNode> polled = events.await(count);
        assertThat(polled).as("events after the cursor").hasSize(count);
        polled.forEach(GroupEventsHttpTest::assertEnvelopeShape);
        polled.forEach(this::assertEnvelope);
        return polled;
    }

    /** Creates a marker group and expects its {@code group.created} to be the only event after the cursor. */
    private void assertNoFurtherEvents() {
        String marker = createGroup("Marker");
        List<JsonNode> rest = events.awaitMatching(1, event -> event.get("data").path("id").asString("")
                .equals(marker));
        assertThat(rest).extracting(GroupEventsHttpTest::summary).containsExactly("group.created");
    }

    private void assertEnvelope(JsonNode event) {
        assertThat(event.get("organizationId").asString()).isEqualTo(directory.organizationId());
        assertThat(event.get("directoryId").asString()).isEqualTo(directory.id());
    }

    private static void assertEnvelopeShape(JsonNode event) {
        assertThat(event.propertyNames()).containsExactly("id", "type", "version", "occurredAt", "organizationId",
                "directoryId", "data");
        assertThat(event.get("id").asString()).startsWith("evt_");
        assertThat(event.get("version").asInt()).isEqualTo(1);
    }

    /** The event occurred when the write left the group: at its {@code meta.lastModified}. */
    private static void assertWrittenWith(JsonNode event, JsonNode group) {
        assertThat(Instant.parse(event.get("occurredAt").asString()))
                .isEqualTo(Instant.parse(group.get("meta").get("lastModified").asString()));
    }

    private static String summary(JsonNode event) {
        JsonNode user = event.get("data").path("user");
        return event.get("type").asString() + (user.isMissingNode() ? "" : " " + user.get("userName").asString());
    }

    private JsonNode managementView(String groupId) {
        HttpResponse group = operator().get("/api/v1/organizations/" + directory.organizationId() + "/groups/"
                + groupId);
        assertThat(group.status()).as(group.toString()).isEqualTo(200);
        return group.body();
    }

    private void patch(String groupId, String fixture, Map<String, String> ids) {
        String text = fixtureText(fixture);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            text = text.replace("{{" + id.getKey() + "}}", id.getValue());
        }
        HttpResponse response = scim.patch("/Groups/" + groupId, text);
        assertThat(response.status()).as(fixture + ": " + response).isEqualTo(204);
    }

    /** Entra's membership add: {@code {"op":"Add","path":"members","value":[{"value":id}, …]}}. */
    private static String addMembers(String... userIds) {
        StringBuilder members = new StringBuilder();
        for (String userId : userIds) {
            members.append(members.isEmpty() ? "" : ",").append("{\"value\":\"").append(userId).append("\"}");
        }
        return """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"Add","path":"members","value":[%s]}]}""".formatted(members);
    }

    private String createGroup(String displayName, String... memberIds) {
        return ScimGroups.create(scim, displayName, List.of(memberIds));
    }

    private String createUser(String userName) {
        HttpResponse created = scim.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true}"""
                .formatted(userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }
}
