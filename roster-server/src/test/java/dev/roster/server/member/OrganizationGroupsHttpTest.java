package dev.roster.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.ScimGroups;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The management API's reads of an organization's SCIM groups and of their members. */
class OrganizationGroupsHttpTest extends MemberApiHttpTest {

    private String groupsPath;

    @BeforeEach
    void findGroupsPath() {
        groupsPath = "/api/v1/organizations/" + directory.organizationId() + "/groups";
    }

    @Test
    void listWhenGroupsInTwoDirectoriesThenEveryGroupPagedWithMemberCounts() {
        String ada = createUser(scim, "ada@example.com", "Given", "Family");
        String charles = createUser(scim, "charles@example.com", "Given", "Family");
        String engineers = createGroup(scim, "Engineers", ada, charles);
        HttpResponse secondDirectory = operator().post("/api/v1/organizations/" + directory.organizationId()
                + "/directories", Map.of("provider", "entra", "name", "Entra"));
        JsonClient entra = new JsonClient(secondDirectory.body().get("scimBaseUrl").asString(),
                secondDirectory.body().get("token").asString(), SCIM_JSON);
        String auditors = createGroup(entra, "Auditors");
        createGroup(scim(newDirectory("okta")), "Another organization's group");

        HttpResponse first = operator().get(groupsPath + "?limit=1");
        HttpResponse second = operator().get(groupsPath + "?limit=1&after=" + first.body().get("nextCursor")
                .asString());

        JsonNode group = first.body().get("data").get(0);
        assertThat(group.get("id").asString()).isEqualTo(engineers);
        assertThat(group.get("directoryId").asString()).isEqualTo(directory.id());
        assertThat(group.get("displayName").asString()).isEqualTo("Engineers");
        assertThat(group.get("memberCount").asLong()).isEqualTo(2);
        assertThat(second.body().get("data")).singleElement().satisfies(next -> {
            assertThat(next.get("id").asString()).isEqualTo(auditors);
            assertThat(next.get("directoryId").asString()).isEqualTo(secondDirectory.body().get("id").asString());
            assertThat(next.get("memberCount").asLong()).isZero();
        });
        HttpResponse third = operator().get(groupsPath + "?limit=1&after=" + second.body().get("nextCursor")
                .asString());
        assertThat(third.body().get("data")).isEmpty();
        assertThat(third.body().get("nextCursor").isNull()).isTrue();
    }

    @Test
    void getWhenGroupOfTheOrganizationThenItsViewElseNotFound() {
        String group = createGroup(scim, "Engineers", createUser(scim, "ada@example.com", "Given", "Family"));
        ScimDirectory other = newDirectory("okta");

        HttpResponse found = operator().get(groupsPath + "/" + group);

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("memberCount").asLong()).isEqualTo(1);
        assertThat(operator().get("/api/v1/organizations/" + other.organizationId() + "/groups/" + group)
                .status()).isEqualTo(404);
        assertThat(operator().get("/api/v1/organizations/" + other.organizationId() + "/groups/" + group
                + "/members").status()).isEqualTo(404);
        assertThat(operator().get(groupsPath + "/no-such-group").status()).isEqualTo(404);
        assertThat(operator().get("/api/v1/organizations/org_missing/groups").status()).isEqualTo(404);
    }

    @Test
    void membersWhenPagedThenEveryMembersCurrentViewWithRoleAndStatus() {
        List<String> userIds = new ArrayList<>();
        for (String login : List.of("ada@example.com", "charles@example.com", "grace@example.com")) {
            userIds.add(createUser(scim, login, "Given", "Family"));
        }
        String group = createGroup(scim, "Engineers", userIds.toArray(String[]::new));
        members.setRole(members.memberOfUser(userIds.get(0)).get("id").asString(), "admin");
        members.createByHand("owner@example.com", "Owner", "admin");
        scim.patch("/Users/" + userIds.get(1), fixtureText("okta/patch-deactivate.json"));

        List<JsonNode> listed = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            HttpResponse page = operator().get(groupsPath + "/" + group + "/members?limit=2"
                    + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("data").forEach(listed::add);
            after = page.body().get("nextCursor").asString(null);
            pages++;
        } while (after != null);

        assertThat(pages).isEqualTo(2);
        assertThat(listed).extracting(member -> member.get("userId").asString())
                .containsExactlyInAnyOrderElementsOf(userIds);
        JsonNode admin = listed.stream().filter(m -> m.get("userId").asString().equals(userIds.get(0)))
                .findFirst().orElseThrow();
        assertThat(admin.get("role").asString()).isEqualTo("admin");
        assertThat(admin.get("email").asString()).isEqualTo("ada@example.com");
        JsonNode deactivated = listed.stream().filter(m -> m.get("userId").asString().equals(userIds.get(1)))
                .findFirst().orElseThrow();
        assertThat(deactivated.get("status").asString()).isEqualTo("revoked");
    }

    private static String createGroup(JsonClient client, String displayName, String... userIds) {
        return ScimGroups.create(client, displayName, List.of(userIds));
    }
}
