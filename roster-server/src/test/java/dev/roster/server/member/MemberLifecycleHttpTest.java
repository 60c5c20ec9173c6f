package dev.roster.server.member;

import static dev.roster.server.member.MemberFixtures.oktaUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How SCIM deactivation, reactivation and deletion change an organization's members, replayed with the
 * requests Okta and Entra send (src/test/resources/okta, …/entra).
 */
class MemberLifecycleHttpTest extends MemberApiHttpTest {

    private static final String SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    @ParameterizedTest(name = "{0}")
    @CsvSource({"okta/patch-deactivate.json", "entra/patch-disable.json"})
    void patchDeactivateWhenActiveThenMemberRevokedAndUserStillReadable(String deactivation) {
        String userId = createUser("grace@example.com");
        String memberId = members.memberOfUser(userId).get("id").asString();

        HttpResponse patched = scim.patch("/Users/" + userId, fixtureText(deactivation));

        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(members.activeMemberIds()).doesNotContain(memberId);
        JsonNode revoked = members.memberOfUser(userId);
        assertThat(revoked.get("id").asString()).isEqualTo(memberId);
        assertThat(revoked.get("status").asString()).isEqualTo("revoked");
        assertThat(revoked.get("revokedReason").asString()).isEqualTo("deactivated");
        assertThat(revoked.get("revokedAt").isNull()).isFalse();
        assertThat(members.listAll("revoked")).extracting(member -> member.get("id").asString())
                .contains(memberId);
        HttpResponse read = scim.get("/Users/" + userId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().get("active").asBoolean()).isFalse();
    }

    @Test
    void putWithActiveFalseWhenActiveThenMemberRevoked() {
        String userId = createUser("ada@example.com");
        ObjectNode replacement = oktaUser("ada@example.com", "Ada", "Lovelace").put("active", false);

        assertThat(scim.put("/Users/" + userId, replacement).status()).isEqualTo(200);

        JsonNode member = members.memberOfUser(userId);
        assertThat(member.get("status").asString()).isEqualTo("revoked");
        assertThat(member.get("revokedReason").asString()).isEqualTo("deactivated");
    }

    @Test
    void putWhenActiveUnchangedThenMemberUntouchedButProfileFollowsTheUser() {
        String userId = createUser("ada@example.com");
        JsonNode before = members.memberOfUser(userId);

        ObjectNode renamed = oktaUser("ada@example.com", "Augusta", "King");
        renamed.putArray("emails").addObject().put("primary", true).put("value", "augusta@example.com");
        assertThat(scim.put("/Users/" + userId, renamed).status()).isEqualTo(200);

        JsonNode after = members.memberOfUser(userId);
        assertThat(after.get("updatedAt")).isEqualTo(before.get("updatedAt"));
        assertThat(after.get("status").asString()).isEqualTo("active");
        assertThat(after.get("name").asString()).isEqualTo("Augusta King");
        assertThat(after.get("email").asString()).isEqualTo("augusta@example.com");
    }

    @Test
    void createWhenInactiveThenMemberRevokedFromTheStart() {
        HttpResponse created = scim.post("/Users", oktaUser("late@example.com", "Late", "Joiner").put("active", false));
        assertThat(created.status()).isEqualTo(201);

        JsonNode member = members.memberOfUser(created.body().get("id").asString());

        assertThat(member.get("status").asString()).isEqualTo("revoked");
        assertThat(member.get("revokedReason").asString()).isEqualTo("deactivated");
        assertThat(member.get("role").asString()).isEqualTo("member");
    }

    @Test
    void deleteWhenActiveThenMemberRevokedWithEmailAndNameKept() {
        String userId = createUser("charles@example.com");
        String memberId = members.memberOfUser(userId).get("id").asString();

        assertThat(scim.delete("/Users/" + userId).status()).isEqualTo(204);

        assertThat(scim.get("/Users/" + userId).status()).isEqualTo(404);
        assertThat(members.activeMemberIds()).doesNotContain(memberId);
        HttpResponse member = operator().get(members.membersPath() + "/" + memberId);
        assertThat(member.status()).isEqualTo(200);
        assertThat(member.body().get("status").asString()).isEqualTo("revoked");
        assertThat(member.body().get("revokedReason").asString()).isEqualTo("deleted");
        assertThat(member.body().get("email").asString()).isEqualTo("charles@example.com");
        assertThat(member.body().get("name").asString()).isEqualTo("Charles Babbage");
        assertThat(member.body().get("userId").asString()).isEqualTo(userId);
        HttpResponse byEmail = operator().get(members.membersPath() + "?status=revoked&email=Charles@Example.com");
        assertThat(byEmail.body().get("data")).extracting(found -> found.get("id").asString())
                .containsExactly(memberId);
    }

    @Test
    void deleteWhenAlreadyDeactivatedThenRevocationKeptAndProfileSnapshotted() {
        String userId = createUser("charles@example.com");
        scim.patch("/Users/" + userId, fixtureText("okta/patch-deactivate.json"));
        JsonNode deactivated = members.memberOfUser(userId);

        assertThat(scim.delete("/Users/" + userId).status()).isEqualTo(204);

        JsonNode member = members.memberOfUser(userId);
        assertThat(member.get("revokedReason").asString()).isEqualTo("deactivated");
        assertThat(member.get("revokedAt")).isEqualTo(deactivated.get("revokedAt"));
        assertThat(member.get("email").asString()).isEqualTo("charles@example.com");
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"okta/patch-deactivate.json, okta/patch-reactivate.json",
            "entra/patch-disable.json, entra/patch-enable.json"})
    void reactivateWhenPolicyRestoreThenSameMemberActiveAgainWithItsRole(String deactivation, String reactivation) {
        String userId = createUser("grace@example.com");
        String memberId = members.memberOfUser(userId).get("id").asString();
        members.createByHand("owner@example.com", "Owner", "admin");
        members.setRole(memberId, "admin");
        assertThat(scim.patch("/Users/" + userId, fixtureText(deactivation)).status()).isEqualTo(200);

        HttpResponse reactivated = scim.patch("/Users/" + userId, fixtureText(reactivation));

        assertThat(reactivated.status()).as(reactivated.toString()).isEqualTo(200);
        assertThat(reactivated.body().get("active").asBoolean()).isTrue();
        JsonNode member = members.memberOfUser(userId);
        assertThat(member.get("id").asString()).isEqualTo(memberId);
        assertThat(member.get("status").asString()).isEqualTo("active");
        assertThat(member.get("role").asString()).isEqualTo("admin");
        assertThat(member.get("revokedAt").isNull()).isTrue();
        assertThat(member.get("revokedReason").isNull()).isTrue();
        assertThat(members.activeMemberIds()).contains(memberId);
    }

    @ParameterizedTest(name = "{0} then {1}")
    @CsvSource({"okta/patch-deactivate.json, okta/patch-reactivate.json",
            "entra/patch-disable.json, entra/patch-enable.json"})
    void reactivateWhenPolicyNewUserThenNewMemberAndOldOneStaysRevoked(String deactivation, String reactivation) {
        members.setReactivationPolicy("new_user");
        String userId = createUser("grace@example.com");
        String oldMemberId = members.memberOfUser(userId).get("id").asString();
        assertThat(scim.patch("/Users/" + userId, fixtureText(deactivation)).status()).isEqualTo(200);

        assertThat(scim.patch("/Users/" + userId, fixtureText(reactivation)).status()).isEqualTo(200);

        JsonNode current = members.memberOfUser(userId);
        assertThat(current.get("id").asString()).startsWith("mem_").isNotEqualTo(oldMemberId);
        assertThat(current.get("status").asString()).isEqualTo("active");
        assertThat(current.get("role").asString()).isEqualTo("member");
        assertThat(current.get("email").asString()).isEqualTo("grace@example.com");
        JsonNode old = operator().get(members.membersPath() + "/" + oldMemberId).body();
        assertThat(old.get("status").asString()).isEqualTo("revoked");
        assertThat(old.get("revokedReason").asString()).isEqualTo("deactivated");
        assertThat(members.activeMemberIds()).contains(current.get("id").asString()).doesNotContain(oldMemberId);
    }

    @Test
    void reactivateWhenAlreadyActiveThenNoNewMember() {
        members.setReactivationPolicy("new_user");
        String userId = createUser("grace@example.com");
        String memberId = members.memberOfUser(userId).get("id").asString();

        assertThat(scim.patch("/Users/" + userId, fixtureText("okta/patch-reactivate.json")).status())
                .isEqualTo(200);

        assertThat(members.listAll("all")).extracting(member -> member.get("id").asString())
                .containsExactly(memberId);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"okta/patch-deactivate.json", "entra/patch-disable.json", "DELETE"})
    void deactivateOrDeleteWhenLastAdminThenConflictAndNothingChanges(String request) {
        String userId = createUser("admin@example.com");
        String memberId = members.memberOfUser(userId).get("id").asString();
        members.setRole(memberId, "admin");

        HttpResponse refused = request.equals("DELETE") ? scim.delete("/Users/" + userId)
                : scim.patch("/Users/" + userId, fixtureText(request));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.body().get("schemas").get(0).asString()).isEqualTo(SCIM_ERROR);
        assertThat(refused.body().get("detail").asString()).contains("last admin").contains("grant admin");
        HttpResponse user = scim.get("/Users/" + userId);
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.body().get("active").asBoolean()).isTrue();
        assertThat(user.body().get("meta").get("version").asString()).isEqualTo("W/\"1\"");
        JsonNode member = members.memberOfUser(userId);
        assertThat(member.get("status").asString()).isEqualTo("active");
        assertThat(member.get("role").asString()).isEqualTo("admin");
    }

    @Test
    void deactivateWhenAnotherAdminGrantedFirstThenSucceeds() {
        String userId = createUser("admin@example.com");
        members.setRole(members.memberOfUser(userId).get("id").asString(), "admin");
        members.createByHand("successor@example.com", "Successor", "admin");

        assertThat(scim.patch("/Users/" + userId, fixtureText("okta/patch-deactivate.json")).status())
                .isEqualTo(200);

        assertThat(members.memberOfUser(userId).get("status").asString()).isEqualTo("revoked");
    }

    @Test
    void deactivateWhenTwoAdminsConcurrentlyThenExactlyOneIsRevoked() {
        for (int round = 0; round < 3; round++) {
            ScimDirectory org = newDirectory("okta");
            JsonClient client = scim(org);
            MemberFixtures orgMembers = new MemberFixtures(operator(), org);
            List<String> userIds = List.of(createUser(client, "first@example.com"),
                    createUser(client, "second@example.com"));
            userIds.forEach(id -> orgMembers.setRole(orgMembers.memberOfUser(id).get("id").asString(), "admin"));

            List<Integer> statuses = userIds.stream()
                    .map(id -> CompletableFuture.supplyAsync(() ->
                            client.patch("/Users/" + id, fixtureText("okta/patch-deactivate.json")).status()))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(orgMembers.listAll("active")).singleElement()
                    .satisfies(admin -> assertThat(admin.get("role").asString()).isEqualTo("admin"));
        }
    }

    /** Charles Babbage for charles@example.com, Grace Hopper for any other login. */
    private String createUser(String login) {
        return createUser(scim, login);
    }

    private static String createUser(JsonClient client, String login) {
        return login.equals("charles@example.com") ? createUser(client, login, "Charles", "Babbage")
                : createUser(client, login, "Grace", "Hopper");
    }

    @Test
    void organizationWhenCreatedThenReactivationPolicyRestoreAndUnknownPolicyRefused() {
        String path = "/api/v1/organizations/" + directory.organizationId();
        assertThat(operator().get(path).body().get("reactivationPolicy").asString()).isEqualTo("restore");

        HttpResponse refused = operator().patch(path, Map.of("reactivationPolicy", "rehire"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().get("detail").asString()).contains("'reactivationPolicy'").contains("restore")
                .contains("new_user");
        assertThat(operator().get(path).body().get("reactivationPolicy").asString()).isEqualTo("restore");
    }

    @Test
    void organizationWhenTwoFieldsPatchedConcurrentlyThenBothKept() {
        for (int round = 0; round < 10; round++) {
            String path = "/api/v1/organizations/" + newDirectory("okta").organizationId();
            String name = "Renamed " + round;
            CompletableFuture<HttpResponse> rename = CompletableFuture.supplyAsync(() ->
                    operator().patch(path, Map.of("name", name)));
            CompletableFuture<HttpResponse> policy = CompletableFuture.supplyAsync(() ->
                    operator().patch(path, Map.of("reactivationPolicy", "new_user")));
            assertThat(List.of(rename.join().status(), policy.join().status())).containsOnly(200);

            JsonNode organization = operator().get(path).body();
            assertThat(organization.get("name").asString()).isEqualTo(name);
            assertThat(organization.get("reactivationPolicy").asString()).isEqualTo("new_user");
        }
    }
}
