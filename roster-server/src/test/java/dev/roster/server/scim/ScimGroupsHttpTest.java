package dev.roster.server.scim;

import static dev.roster.server.scim.ProvisioningReplay.assertListResponse;
import static dev.roster.server.scim.ProvisioningReplay.assertScimError;
import static dev.roster.server.scim.ProvisioningReplay.bind;
import static dev.roster.server.scim.ProvisioningReplay.formEncoded;
import static dev.roster.server.scim.ProvisioningReplay.percentEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest;
import dev.roster.server.support.ScimGroups;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * SCIM /Groups as Okta's "Push Groups" and Entra's group provisioning drive it. Request bodies are in
 * src/test/resources/okta/groups and entra/groups (see their READMEs for the source of each shape).
 */
class ScimGroupsHttpTest extends RosterHttpTest {

    private static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private ScimDirectory directory;
    private JsonClient scim;
    private String ada;
    private String charles;

    @BeforeEach
    void provisionTwoUsers() {
        directory = newDirectory("okta");
        scim = scim(directory);
        ada = createUser("ada.lovelace@analytical-engines.example");
        charles = createUser("charles.babbage@analytical-engines.example");
    }

    @Test
    void oktaPushGroupSequenceKeepsMembersInStep() {
        HttpResponse created = scim.post("/Groups", fixture("okta/groups/group-create.json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        assertThat(created.header("Location")).isEqualTo(directory.scimBaseUrl() + "/Groups/" + id);
        assertThat(created.body().path("members")).as("no members yet").isEmpty();
        Map<String, String> ids = Map.of("groupId", id, "userId1", ada, "userId2", charles);

        assertThat(patch(id, "okta/groups/patch-replace-pathless.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "okta/groups/patch-add-members.json", ids).status()).isEqualTo(204);
        assertThat(memberIds(id)).containsExactlyInAnyOrder(ada, charles);

        assertThat(patch(id, "okta/groups/patch-rename.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "okta/groups/patch-remove-member.json", ids).status()).isEqualTo(204);
        JsonNode group = scim.get("/Groups/" + id).body();
        assertThat(group.get("displayName").asString()).isEqualTo("Difference Engine Programmers");
        assertThat(group.get("members")).hasSize(1);
        JsonNode member = group.get("members").get(0);
        assertThat(member.get("value").asString()).isEqualTo(ada);
        assertThat(member.get("display").asString()).isEqualTo("ada.lovelace@analytical-engines.example");
        assertThat(member.get("$ref").asString()).isEqualTo(directory.scimBaseUrl() + "/Users/" + ada);

        assertThat(patch(id, "okta/groups/patch-remove-and-add.json", ids).status()).isEqualTo(204);
        assertThat(memberIds(id)).containsExactly(charles);
        assertThat(patch(id, "okta/groups/patch-replace-members.json", ids).status()).isEqualTo(204);
        assertThat(memberIds(id)).containsExactlyInAnyOrder(ada, charles);
        assertThat(patch(id, "okta/groups/patch-replace-pathless-members-empty.json", ids).status()).isEqualTo(204);
        assertThat(memberIds(id)).isEmpty();

        HttpResponse replaced = scim.put("/Groups/" + id, bind(fixtureText("okta/groups/group-replace.json"), ids));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.body().get("members")).hasSize(2);

        assertThat(scim.delete("/Groups/" + id).status()).isEqualTo(204);
        assertScimError(scim.get("/Groups/" + id), 404, null);
        assertThat(scim.get("/Users/" + ada).status()).as("deleting a group leaves its users").isEqualTo(200);
    }

    @Test
    void entraGroupSequenceWithCapitalisedOpsAndValueListRemove() {
        String lookup = "/Groups?excludedAttributes=members&filter="
                + formEncoded("displayName eq \"Compiler Research\"");
        assertThat(assertListResponse(scim.get(lookup), 0).get("Resources")).isEmpty();
        HttpResponse created = scim.post("/Groups", fixture("entra/groups/group-create.json"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.body().get("id").asString();
        Map<String, String> ids = Map.of("groupId", id, "userId1", ada, "userId2", charles);
        assertThat(assertListResponse(scim.get(lookup), 1).get("Resources").get(0).has("members")).isFalse();

        assertThat(patch(id, "entra/groups/patch-add-members-multiple.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "entra/groups/patch-replace-displayName.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "entra/groups/patch-remove-member.json", ids).status()).isEqualTo(204);

        JsonNode group = scim.get("/Groups/" + id + "?excludedAttributes=members").body();
        assertThat(group.has("members")).isFalse();
        assertThat(group.get("displayName").asString()).isEqualTo("Compiler Research and Development");
        assertThat(memberIds(id)).containsExactly(ada);
        String membership = "/Groups?excludedAttributes=members&filter="
                + percentEncoded("id eq \"" + id + "\" and members[value eq \"" + ada + "\"]");
        assertListResponse(scim.get(membership), 1);
        String formerMembership = "/Groups?excludedAttributes=members&filter="
                + percentEncoded("id eq \"" + id + "\" and members[value eq \"" + charles + "\"]");
        assertListResponse(scim.get(formerMembership), 0);
    }

    @Test
    void addingExistingOrRemovingAbsentMemberIsNoOp() {
        String id = createGroup("Engineers", List.of(ada));
        Map<String, String> ids = Map.of("groupId", id, "userId1", ada, "userId2", charles);

        assertThat(patch(id, "okta/groups/patch-add-members.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "okta/groups/patch-add-members.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "okta/groups/patch-remove-member.json", ids).status()).isEqualTo(204);
        assertThat(patch(id, "okta/groups/patch-remove-member.json", ids).status()).isEqualTo(204);

        assertThat(memberIds(id)).containsExactly(ada);
    }

    @Test
    void memberPatchOfMissingOrOtherDirectorysGroupThenNotFound() {
        String theirs = scim(newDirectory("okta")).post("/Groups", """
                {"schemas":["%s"],"displayName":"Theirs"}""".formatted(GROUP)).body().get("id").asString();
        Map<String, String> ids = Map.of("groupId", theirs, "userId1", ada, "userId2", charles);

        for (String group : List.of(theirs, "no-such-group")) {
            assertScimError(scim.patch("/Groups/" + group, bind(fixtureText("okta/groups/patch-add-members.json"),
                    ids)), 404, null);
            assertScimError(scim.patch("/Groups/" + group, bind(fixtureText("okta/groups/patch-remove-member.json"),
                    ids)), 404, null);
        }
    }

    @Test
    void unknownOrOtherDirectoryMemberThenInvalidValueAndNothingChanged() {
        String id = createGroup("Engineers", List.of(ada));
        JsonClient other = scim(newDirectory("okta"));
        String stranger = other.post("/Users", user("stranger@example.com")).body().get("id").asString();
        String version = scim.get("/Groups/" + id).header("ETag");

        HttpResponse response = scim.patch("/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"displayName","value":"Renamed"},
                  {"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]}"""
                .formatted(charles, stranger));

        assertScimError(response, 400, "invalidValue");
        assertThat(response.body().get("detail").asString()).contains(stranger).doesNotContain(charles);
        JsonNode group = scim.get("/Groups/" + id).body();
        assertThat(group.get("displayName").asString()).isEqualTo("Engineers");
        assertThat(memberIds(id)).containsExactly(ada);
        assertThat(group.get("meta").get("version").asString()).isEqualTo(version);

        for (String unknown : List.of(stranger, "no-such-user")) {
            HttpResponse singleAdd = scim.patch("/Groups/" + id, """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                      {"op":"add","path":"members","value":[{"value":"%s"},{"value":"%s"}]}]}"""
                    .formatted(charles, unknown));
            assertScimError(singleAdd, 400, "invalidValue");
            assertThat(singleAdd.body().get("detail").asString()).contains(unknown).doesNotContain(charles);
            assertThat(memberIds(id)).containsExactly(ada);
            assertThat(scim.get("/Groups/" + id).header("ETag")).isEqualTo(version);
        }
    }

    @Test
    void deletingUserRemovesItsMembershipsAndChangesTheGroupsETag() {
        String id = createGroup("Engineers", List.of(ada, charles));
        String etagBefore = scim.get("/Groups/" + id).header("ETag");

        assertThat(scim.delete("/Users/" + ada).status()).isEqualTo(204);

        assertThat(memberIds(id)).containsExactly(charles);
        assertThat(scim.withHeader("If-None-Match", etagBefore).get("/Groups/" + id).status())
                .as("the member list changed, so the old ETag must not match").isEqualTo(200);
        assertThat(scim.get("/Users/" + charles).body().get("groups")).hasSize(1);
    }

    @Test
    void concurrentDeletionsOfUsersSharingGroupsAllSucceed() throws Exception {
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            userIds.add(createUser("leaver" + i + "@example.com"));
        }
        String first = createGroup("First", userIds);
        String second = createGroup("Second", userIds);

        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String userId : userIds) {
                statuses.add(pool.submit(() -> scim.delete("/Users/" + userId).status()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(memberIds(first)).isEmpty();
        assertThat(memberIds(second)).isEmpty();
    }

    @Test
    void externalIdUniquePerDirectoryDisplayNameNot() {
        String body = """
                {"schemas":["%s"],"displayName":"Same","externalId":"%s"}""";
        assertThat(scim.post("/Groups", body.formatted(GROUP, "ext-1")).status()).isEqualTo(201);
        assertThat(scim.post("/Groups", body.formatted(GROUP, "ext-2")).status()).isEqualTo(201);

        assertScimError(scim.post("/Groups", body.formatted(GROUP, "ext-1")), 409, "uniqueness");
        assertListResponse(scim.get("/Groups?filter=" + percentEncoded("displayName eq \"same\"")), 2);
        assertListResponse(scim.get("/Groups?filter=" + percentEncoded("externalId eq \"ext-2\"")), 1);
    }

    @Test
    void listFiltersAndProjection() {
        String engineers = createGroup("Engineers", List.of(ada));
        createGroup("Empty", List.of());

        JsonNode withAda = assertListResponse(scim.get("/Groups?filter="
                + percentEncoded("members[value eq \"" + ada + "\"]")), 1);
        assertThat(withAda.get("Resources").get(0).get("id").asString()).isEqualTo(engineers);
        assertListResponse(scim.get("/Groups?filter=" + percentEncoded("members pr")), 1);
        assertListResponse(scim.get("/Groups?filter=" + percentEncoded("not (members pr)")), 1);
        JsonNode names = assertListResponse(scim.get("/Groups?attributes=displayName"), 2);
        assertThat(names.get("Resources").get(0).has("members")).isFalse();
        assertThat(names.get("Resources").get(0).has("id")).isTrue();

        assertScimError(scim.get("/Groups?filter=" + percentEncoded("members[display eq \"x\"]")), 400,
                "invalidFilter");
        assertScimError(scim.get("/Groups?filter=" + percentEncoded("meta.created gt \"2020-01-01T00:00:00Z\"")),
                400, "invalidFilter");
    }

    @Test
    void usersReadOnlyGroupsAttributeFollowsMembershipsAndRenames() {
        String engineers = createGroup("Engineers", List.of(ada));
        String everyone = createGroup("Everyone", List.of(ada, charles));

        JsonNode adaRead = scim.get("/Users/" + ada).body();
        assertThat(adaRead.get("groups")).hasSize(2);
        JsonNode first = adaRead.get("groups").get(0).get("value").asString().equals(engineers)
                ? adaRead.get("groups").get(0) : adaRead.get("groups").get(1);
        assertThat(first.get("display").asString()).isEqualTo("Engineers");
        assertThat(first.get("$ref").asString()).endsWith("/Groups/" + engineers);
        assertThat(first.get("type").asString()).isEqualTo("direct");
        JsonNode adaListed = assertListResponse(scim.get("/Users?filter="
                + percentEncoded("userName eq \"ada.lovelace@analytical-engines.example\"")), 1)
                .get("Resources").get(0);
        assertThat(adaListed).isEqualTo(adaRead);

        scim.send("PATCH", "/Groups/" + engineers, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"displayName","value":"Engineering"}]}""");
        scim.delete("/Groups/" + everyone);
        JsonNode groups = scim.get("/Users/" + ada).body().get("groups");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("display").asString()).isEqualTo("Engineering");
        assertThat(scim.get("/Users/" + charles).body().has("groups")).isFalse();
        assertThat(scim.get("/Users/" + ada + "?excludedAttributes=groups").body().has("groups")).isFalse();

        HttpResponse put = scim.send("PUT", "/Users/" + ada, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"ada.lovelace@analytical-engines.example",
                 "groups":[{"value":"%s"}]}""".formatted(everyone));
        assertThat(put.status()).as("groups is readOnly: ignored in a PUT").isEqualTo(200);
        assertThat(put.body().get("groups")).hasSize(1);
        assertThat(put.body().get("groups").get(0).get("value").asString()).isEqualTo(engineers);
    }

    @Test
    void memberDisplayFollowsUserNameChange() {
        String id = createGroup("Engineers", List.of(ada, charles));

        HttpResponse renamed = scim.patch("/Users/" + charles, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"userName","value":"cb@analytical-engines.example"}]}""");
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);

        Map<String, String> displays = new HashMap<>();
        scim.get("/Groups/" + id).body().get("members")
                .forEach(member -> displays.put(member.get("value").asString(), member.get("display").asString()));
        assertThat(displays).containsEntry(charles, "cb@analytical-engines.example")
                .containsEntry(ada, "ada.lovelace@analytical-engines.example");
    }

    @Test
    void largeGroupIsStreamedWholeAndMemberSubAttributesProjected() {
        int size = 1_500;
        List<String> userIds = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            userIds.add(createUser("member" + i + "@example.com"));
        }
        String group = createGroup("All Employees", List.of());
        for (int start = 0; start < size; start += 500) {
            StringBuilder values = new StringBuilder();
            for (String userId : userIds.subList(start, start + 500)) {
                values.append(values.isEmpty() ? "" : ",").append("{\"value\":\"").append(userId).append("\"}");
            }
            assertThat(scim.send("PATCH", "/Groups/" + group, """
                    {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                     "Operations":[{"op":"add","path":"members","value":[%s]}]}""".formatted(values)).status())
                    .isEqualTo(204);
        }

        JsonNode full = scim.get("/Groups/" + group).body();
        assertThat(full.get("members")).hasSize(size);
        List<String> returned = new ArrayList<>();
        for (JsonNode member : full.get("members")) {
            returned.add(member.get("value").asString());
            assertThat(member.get("$ref").asString()).endsWith("/Users/" + member.get("value").asString());
            assertThat(member.get("display").asString()).startsWith("member");
        }
        assertThat(returned).containsExactlyInAnyOrderElementsOf(userIds);
        assertThat(full.get("meta").get("resourceType").asString()).isEqualTo("Group");

        JsonNode valuesOnly = scim.get("/Groups/" + group + "?attributes=members.value").body();
        assertThat(valuesOnly.get("members")).hasSize(size);
        assertThat(fieldNames(valuesOnly.get("members").get(0))).containsExactly("value");
        assertThat(valuesOnly.has("displayName")).isFalse();

        JsonNode listed = assertListResponse(scim.get("/Groups?filter="
                + percentEncoded("displayName eq \"All Employees\"")), 1);
        assertThat(listed.get("Resources").get(0).get("members")).hasSize(size);
        JsonNode withoutMembers = scim.get("/Groups/" + group + "?excludedAttributes=members").body();
        assertThat(withoutMembers.has("members")).isFalse();
        assertThat(withoutMembers.get("displayName").asString()).isEqualTo("All Employees");
    }

    @Test
    void sortingAndBothPaginationsAsForUsers() {
        List<String> names = List.of("delta", "Alpha", "charlie", "Bravo", "echo");
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(createGroup(name, List.of(ada)));
        }

        JsonNode sorted = assertListResponse(scim.get("/Groups?sortBy=displayName&excludedAttributes=members"), 5);
        assertThat(displayNames(sorted)).containsExactly("Alpha", "Bravo", "charlie", "delta", "echo");
        JsonNode descending = assertListResponse(scim.get("/Groups?sortBy=displayName&sortOrder=descending"
                + "&startIndex=2&count=2"), 5);
        assertThat(descending.get("startIndex").asInt()).isEqualTo(2);
        assertThat(displayNames(descending)).containsExactly("delta", "charlie");

        List<String> walked = new ArrayList<>();
        String cursor = "";
        for (int page = 0; page < 5 && cursor != null; page++) {
            HttpResponse response = scim.get("/Groups?count=2&cursor=" + cursor);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode body = response.body();
            assertThat(body.get("totalResults").asInt()).isEqualTo(5);
            assertThat(body.has("startIndex")).isFalse();
            body.get("Resources").forEach(group -> walked.add(group.get("id").asString()));
            cursor = body.has("nextCursor") ? body.get("nextCursor").asString() : null;
        }
        assertThat(walked).as("cursor pages follow creation order, each group once").isEqualTo(ids);
        assertThat(cursor).isNull();

        assertScimError(scim.get("/Groups?sortBy=members"), 400, "invalidValue");
        assertScimError(scim.get("/Groups?cursor=&sortBy=displayName"), 400, "invalidValue");
        assertScimError(scim.get("/Groups?cursor=bm90LWEtY3Vyc29y"), 400, "invalidCursor");
    }

    private static List<String> displayNames(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("Resources").forEach(group -> names.add(group.get("displayName").asString()));
        return names;
    }

    @Test
    void etagsOnGroups() {
        String id = createGroup("Engineers", List.of());
        HttpResponse read = scim.get("/Groups/" + id);

        HttpResponse renamed = scim.send("PATCH", "/Groups/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"replace","path":"displayName","value":"Renamed"}]}""");
        assertThat(renamed.status()).isEqualTo(204);
        assertThat(scim.withHeader("If-Match", read.header("ETag")).delete("/Groups/" + id).status()).isEqualTo(412);
        String current = scim.get("/Groups/" + id).header("ETag");
        assertThat(scim.withHeader("If-None-Match", current).get("/Groups/" + id).status()).isEqualTo(304);

        String addAda = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
                 "Operations":[{"op":"add","path":"members","value":[{"value":"%s"}]}]}""".formatted(ada);
        assertThat(scim.withHeader("If-Match", read.header("ETag")).send("PATCH", "/Groups/" + id, addAda)
                .status()).as("a member PATCH with a stale If-Match").isEqualTo(412);
        assertThat(memberIds(id)).isEmpty();
        assertThat(scim.get("/Groups/" + id).header("ETag")).as("the rejected PATCH left the version")
                .isEqualTo(current);
        HttpResponse added = scim.withHeader("If-Match", current).send("PATCH", "/Groups/" + id, addAda);
        assertThat(added.status()).isEqualTo(204);
        assertThat(added.header("ETag")).isNotEqualTo(current).isEqualTo(scim.get("/Groups/" + id).header("ETag"));
        assertThat(memberIds(id)).containsExactly(ada);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    private HttpResponse patch(String groupId, String fixture, Map<String, String> ids) {
        HttpResponse response = scim.patch("/Groups/" + groupId, bind(fixtureText(fixture), ids));
        assertThat(response.status()).as(fixture + ": " + response).isBetween(200, 204);
        return response;
    }

    private List<String> memberIds(String groupId) {
        List<String> ids = new ArrayList<>();
        for (JsonNode member : scim.get("/Groups/" + groupId).body().path("members")) {
            ids.add(member.get("value").asString());
        }
        return ids;
    }

    private String createGroup(String displayName, List<String> memberIds) {
        return ScimGroups.create(scim, displayName, memberIds);
    }

    private String createUser(String userName) {
        HttpResponse created = scim.post("/Users", user(userName));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.body().get("id").asString();
    }

    private static String user(String userName) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","active":true}"""
                .formatted(userName);
    }
}
