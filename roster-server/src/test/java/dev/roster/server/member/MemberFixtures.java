package dev.roster.server.member;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roster.server.support.HttpResponse;
import dev.roster.server.support.JsonClient;
import dev.roster.server.support.RosterHttpTest.ScimDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The management API calls and SCIM users the member tests share. */
final class MemberFixtures {

    private final JsonClient operator;
    private final ScimDirectory directory;

    MemberFixtures(JsonClient operator, ScimDirectory directory) {
        this.operator = operator;
        this.directory = directory;
    }

    String membersPath() {
        return "/api/v1/organizations/" + directory.organizationId() + "/members";
    }

    /** A SCIM user body like Okta's create, for {@code login}. */
    static ObjectNode oktaUser(String login, String givenName, String familyName) {
        ObjectNode user = JsonClient.JSON.createObjectNode();
        user.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        user.put("userName", login);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName);
        user.putArray("emails").addObject().put("primary", true).put("value", login).put("type", "work");
        user.put("active", true);
        return user;
    }

    /** The current member of the SCIM user, whatever its status. */
    JsonNode memberOfUser(String userId) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode member : listAll("all")) {
            if (userId.equals(member.path("userId").asString(null))) {
                found.add(member);
            }
        }
        assertThat(found).as("members of user " + userId).isNotEmpty();
        return found.getLast();
    }

    /** Every member with {@code status}, following nextCursor. */
    List<JsonNode> listAll(String status) {
        List<JsonNode> members = new ArrayList<>();
        String after = null;
        do {
            HttpResponse page = operator.get(membersPath() + "?status=" + status + "&limit=2"
                    + (after == null ? "" : "&after=" + after));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.body().get("data").forEach(members::add);
            after = page.body().get("nextCursor").asString(null);
        } while (after != null);
        return members;
    }

    List<String> activeMemberIds() {
        return listAll("active").stream().map(member -> member.get("id").asString()).toList();
    }

    JsonNode setRole(String memberId, String role) {
        HttpResponse response = operator.patch(membersPath() + "/" + memberId, Map.of("role", role));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    JsonNode createByHand(String email, String name, String role) {
        HttpResponse response = operator.post(membersPath(), Map.of("email", email, "name", name, "role", role));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.body();
    }

    void setReactivationPolicy(String policy) {
        HttpResponse response = operator.patch("/api/v1/organizations/" + directory.organizationId(),
                Map.of("reactivationPolicy", policy));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.body().get("reactivationPolicy").asString()).isEqualTo(policy);
    }
}
