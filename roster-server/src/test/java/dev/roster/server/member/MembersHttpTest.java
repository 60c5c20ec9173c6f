package dev.roster.server.member;

import static dev.roster.server.member.MemberFixtures.oktaUser;
import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The management API's members: roles, members made by hand, and the reads the application needs. */
class MembersHttpTest extends MemberApiHttpTest {

    @Test
    void scimCreateWhenOktaUserThenActiveMemberWithProfileFromTheUser() {
        HttpResponse created = scim.post("/Users", fixtureText("okta/user-create.json"));
        String userId = created.body().get("id").asString();

        JsonNode member = members.memberOfUser(userId);

        assertThat(member.get("id").asString()).startsWith("mem_");
        assertThat(member.get("organizationId").asString()).isEqualTo(directory.organizationId());
        assertThat(member.get("directoryId").asString()).isEqualTo(directory.id());
        assertThat(member.get("role").asString()).isEqualTo("member");
        assertThat(member.get("status").asString()).isEqualTo("active");
        assertThat(member.get("email").asString()).isEqualTo("ada.lovelace@analytical-engines.example");
        assertThat(member.get("name").asString()).isEqualTo("Ada Lovelace");
        assertThat(member.get("attributes").isObject()).isTrue();
        assertThat(member.get("attributes").isEmpty()).isTrue();
        assertThat(member.get("revokedAt").isNull()).isTrue();
        assertThat(member.get("createdAt").asString()).isNotBlank();
        assertThat(operator().get(members.membersPath() + "/" + member.get("id").asString()).body())
                .isEqualTo(member);
    }

    @Test
    void scimCreateWhenEntraUserNameIsNotAnEmailThenEmailFromEmailsAndNameFromDisplayName() {
        HttpResponse created = scim.post("/Users", fixtureText("entra/user-create.json"));

        JsonNode member = members.memberOfUser(created.body().get("id").asString());

        assertThat(member.get("email").asString())
                .isEqualTo("Test_User_0b7f3e19-c2d4-4a86-8e51-6d9a2f4c71b0@testuser.com");
        assertThat(member.get("name").asString()).isEqualTo("Grace Hopper");
    }

    @Test
    void scimWritesWhenTheyCarryRolesThenMemberRoleStaysMember() {
        ObjectNode user = oktaUser("eve@example.com", "Eve", "Admin");
        user.putArray("roles").addObject().put("value", "admin")
                .put("primary", true);
        String userId = scim.post("/Users", user).body().get("id").asString();
        HttpResponse patched = scim.patch("/Users/" + userId, Map.of(
                "schemas", new String[] {"urn:ietf:params:scim:api:messages:2.0:PatchOp"},
                "Operations", new Object[] {Map.of("op", "add", "path", "roles",
                        "value", new Object[] {Map.of("value", "admin", "type", "organization")})}));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);

        assertThat(members.memberOfUser(userId).get("role").asString()).isEqualTo("member");
    }

    @Test
    void patchRoleWhenAdminThenGrantedAndRevokedThroughManagementApiOnly() {
        String userId = createUser(scim, "lead@example.com", "Team", "Lead");
        String memberId = members.memberOfUser(userId).get("id").asString();

        assertThat(members.setRole(memberId, "admin").get("role").asString()).isEqualTo("admin");
        assertThat(members.memberOfUser(userId).get("role").asString()).isEqualTo("admin");
        assertThat(members.setRole(memberId, "member").get("role").asString()).isEqualTo("member");
    }

    @Test
    void patchRoleWhenInvalidThenBadRequestNamingTheField() {
        String memberId = members.createByHand("m@example.com", "M", "member").get("id").asString();
        String path = members.membersPath() + "/" + memberId;

        HttpResponse unknownRole = operator().patch(path, Map.of("role", "owner"));
        HttpResponse otherField = operator().patch(path, Map.of("status", "revoked"));
        HttpResponse noRole = operator().patch(path, Map.of());

        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.body().get("detail").asString()).contains("'role'").contains("member or admin");
        assertThat(otherField.status()).isEqualTo(400);
        assertThat(otherField.body().get("detail").asString()).contains("unknown field 'status'");
        assertThat(noRole.status()).isEqualTo(400);
        assertThat(noRole.body().get("detail").asString()).contains("'role' is required");
        assertThat(operator().get(path).body().get("role").asString()).isEqualTo("member");
    }

    @Test
    void patchRoleWhenMemberRevokedThenAdminRefusedButDemotionAllowed() {
        String userId = createUser(scim, "gone@example.com", "Gone", "User");
        scim.patch("/Users/" + userId, fixtureText("okta/patch-deactivate.json"));
        String memberId = members.memberOfUser(userId).get("id").asString();

        HttpResponse refused = operator().patch(members.membersPath() + "/" + memberId, Map.of("role", "admin"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("detail").asString()).contains("revoked");
        assertThat(members.setRole(memberId, "member").get("status").asString()).isEqualTo("revoked");
    }

    @Test
    void patchRoleWhenLastAdminThenManagementApiMayStillDemote() {
        String adminId = members.createByHand("only@example.com", "Only Admin", "admin").get("id").asString();

        assertThat(members.setRole(adminId, "member").get("role").asString()).isEqualTo("member");
    }

    @Test
    void createByHandWhenValidThenMemberWithoutDirectoryListedAndFoundByEmail() {
        JsonNode admin = members.createByHand("Founder@Example.com", "Fay Founder", "admin");

        assertThat(admin.get("id").asString()).startsWith("mem_");
        assertThat(admin.get("directoryId").isNull()).isTrue();
        assertThat(admin.get("userId").isNull()).isTrue();
        assertThat(admin.get("role").asString()).isEqualTo("admin");
        assertThat(admin.get("status").asString()).isEqualTo("active");
        assertThat(admin.get("email").asString()).isEqualTo("Founder@Example.com");
        assertThat(admin.get("attributes").isEmpty()).isTrue();
        assertThat(members.activeMemberIds()).containsExactly(admin.get("id").asString());
        HttpResponse found = operator().get(members.membersPath() + "?email=founder@example.COM");
        assertThat(found.body().get("data")).singleElement().isEqualTo(admin);
    }

    @Test
    void createByHandWhenRoleOmittedThenMember() {
        HttpResponse created = operator().post(members.membersPath(), Map.of("email", "plain@example.com"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("role").asString()).isEqualTo("member");
        assertThat(created.body().get("name").isNull()).isTrue();
    }

    @Test
    void createByHandWhenInvalidThenBadRequestAndNothingCreated() {
        HttpResponse noEmail = operator().post(members.membersPath(), Map.of("name", "No Email"));
        HttpResponse badEmail = operator().post(members.membersPath(), Map.of("email", "not-an-address"));
        HttpResponse badRole = operator().post(members.membersPath(), Map.of("email", "x@example.com",
                "role", "root"));

        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.body().get("detail").asString()).contains("'email'");
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.body().get("detail").asString()).contains("'role'");
        assertThat(members.listAll("all")).isEmpty();
    }

    @Test
    void createByHandWhenActiveMemberHasTheEmailThenConflict() {
        createUser(scim, "taken@example.com", "Taken", "Already");

        HttpResponse duplicate = operator().post(members.membersPath(), Map.of("email", "TAKEN@example.com",
                "role", "admin"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().get("detail").asString()).contains("PATCH");
    }

    @Test
    void createByHandWhenSameEmailConcurrentlyThenExactlyOneCreated() {
        for (int round = 0; round < 3; round++) {
            String email = "race" + round + "@example.com";
            List<Integer> statuses = IntStream.range(0, 6)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() ->
                            operator().post(members.membersPath(), Map.of("email", email, "role", "admin")).status()))
                    .toList().stream().map(CompletableFuture::join).toList();

            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 409);
        }
        assertThat(members.listAll("active")).hasSize(3);
    }

    @Test
    void findByEmailWhenScimUserThenMatchesItsEmailAndNotAnotherOrganizations() {
        String userId = createUser(scim, "Grace.Hopper@Navy.example", "Grace", "Hopper");
        ScimDirectory other = newDirectory("okta");
        createUser(scim(other), "grace.hopper@navy.example", "Other", "Grace");

        HttpResponse found = operator().get(members.membersPath() + "?email=grace.hopper@navy.example");
        HttpResponse missing = operator().get(members.membersPath() + "?email=nobody@navy.example");

        assertThat(found.body().get("data")).singleElement()
                .satisfies(member -> assertThat(member.get("userId").asString()).isEqualTo(userId));
        assertThat(found.body().get("nextCursor").isNull()).isTrue();
        assertThat(missing.body().get("data")).isEmpty();
    }

    @Test
    void findByEmailWhenUserNameIsTheOnlyEmailThenFoundByUserName() {
        JsonNode user = JsonClient.json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"Solo@Example.com",
                 "name":{"formatted":"Solo Flyer"}}""");
        String userId = scim.post("/Users", user).body().get("id").asString();

        HttpResponse found = operator().get(members.membersPath() + "?email=solo@example.com");

        assertThat(found.body().get("data")).singleElement().satisfies(member -> {
            assertThat(member.get("userId").asString()).isEqualTo(userId);
            assertThat(member.get("email").asString()).isEqualTo("Solo@Example.com");
            assertThat(member.get("name").asString()).isEqualTo("Solo Flyer");
        });
    }

    @Test
    void findByEmailWhenNoAddressIsPrimaryThenTheFirstIsTheMembersEmail() {
        JsonNode user = JsonClient.json("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"pat",
                 "emails":[{"value":"pat@work.example","type":"work"},{"value":"pat@home.example","type":"home"}]}""");
        String userId = scim.post("/Users", user).body().get("id").asString();

        HttpResponse byFirst = operator().get(members.membersPath() + "?email=pat@work.example");
        HttpResponse bySecond = operator().get(members.membersPath() + "?email=pat@home.example");

        assertThat(byFirst.body().get("data")).singleElement().satisfies(member -> {
            assertThat(member.get("userId").asString()).isEqualTo(userId);
            assertThat(member.get("name").isNull()).isTrue();
        });
        assertThat(bySecond.body().get("data")).isEmpty();
    }

    @Test
    void listWhenMoreThanOnePageThenCursorWalksEveryMemberOnceInCreationOrder() {
        String first = members.createByHand("a@example.com", "A", "admin").get("id").asString();
        createUser(scim, "b@example.com", "B", "B");
        createUser(scim, "c@example.com", "C", "C");

        HttpResponse page = operator().get(members.membersPath() + "?limit=2");

        assertThat(page.body().get("data")).hasSize(2);
        assertThat(page.body().get("data").get(0).get("id").asString()).isEqualTo(first);
        String next = page.body().get("nextCursor").asString();
        HttpResponse last = operator().get(members.membersPath() + "?limit=2&after=" + next);
        assertThat(last.body().get("data")).singleElement()
                .satisfies(member -> assertThat(member.get("email").asString()).isEqualTo("c@example.com"));
        assertThat(members.listAll("active")).extracting(member -> member.get("email").asString())
                .containsExactly("a@example.com", "b@example.com", "c@example.com");
    }

    @Test
    void listWhenBadParametersThenBadRequestNamingThem() {
        HttpResponse badStatus = operator().get(members.membersPath() + "?status=gone");
        HttpResponse badCursor = operator().get(members.membersPath() + "?after=not-a-cursor");

        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body().get("detail").asString()).contains("'status'").contains("active, revoked or all");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.body().get("detail").asString()).contains("'after'");
        HttpResponse badLimit = operator().get(members.membersPath() + "?limit=abc");
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.body().get("detail").asString()).isEqualTo("'limit' must be a number, got 'abc'");
    }

    @Test
    void readsWhenUnknownOrOtherOrganizationThenNotFound() {
        String memberId = members.createByHand("mine@example.com", "Mine", "member").get("id").asString();
        ScimDirectory other = newDirectory("okta");
        String otherMembers = "/api/v1/organizations/" + other.organizationId() + "/members";

        assertThat(operator().get(otherMembers + "/" + memberId).status()).isEqualTo(404);
        assertThat(operator().patch(otherMembers + "/" + memberId, Map.of("role", "admin")).status())
                .isEqualTo(404);
        assertThat(operator().get(members.membersPath() + "/mem_missing").status()).isEqualTo(404);
        HttpResponse noOrganization = operator().get("/api/v1/organizations/org_missing/members");
        assertThat(noOrganization.status()).isEqualTo(404);
        assertThat(noOrganization.body().get("detail").asString()).contains("org_missing");
        assertThat(operator().get(members.membersPath() + "/" + memberId).body().get("role").asString())
                .isEqualTo("member");
    }

    @Test
    void openApiWhenReadThenDocumentsTheMemberAndGroupEndpoints() {
        JsonNode paths = anonymous().get("/api/v1/openapi.json").body().get("paths");

        assertThat(paths.has("/api/v1/organizations/{organizationId}/members/{memberId}")).isTrue();
        assertThat(paths.get("/api/v1/organizations/{organizationId}/members").has("post")).isTrue();
        assertThat(paths.get("/api/v1/organizations/{organizationId}").has("patch")).isTrue();
        assertThat(paths.has("/api/v1/organizations/{organizationId}/groups/{groupId}/members")).isTrue();
    }
}
