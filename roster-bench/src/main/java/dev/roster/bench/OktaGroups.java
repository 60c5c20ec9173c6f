package dev.roster.bench;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Request bodies shaped like the ones Okta's Push Groups sends: an empty group, then PATCHes that add members. */
final class OktaGroups {

    static final String CORE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    private final JsonMapper mapper;

    OktaGroups(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /** Okta creates a pushed group without members and adds them with PATCHes afterwards. */
    ObjectNode create(String displayName) {
        ObjectNode group = mapper.createObjectNode();
        group.putArray("schemas").add(CORE_SCHEMA);
        group.put("displayName", displayName);
        return group;
    }

    /** An {@code add} of {@code members} naming the users by id, one PATCH for however many Okta pushes at once. */
    ObjectNode addMembers(List<String> userIds) {
        ObjectNode request = mapper.createObjectNode();
        request.putArray("schemas").add(OktaUsers.PATCH_SCHEMA);
        ArrayNode members = request.putArray("Operations").addObject()
                .put("op", "add")
                .put("path", "members")
                .putArray("value");
        userIds.forEach(userId -> members.addObject().put("value", userId));
        return request;
    }
}
