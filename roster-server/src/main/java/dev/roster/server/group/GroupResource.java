package dev.roster.server.group;

import tools.jackson.databind.node.ObjectNode;

/**
 * A group as the SCIM endpoint returns it, without its members: those are streamed from the database while
 * the response is written ({@link GroupService#forEachMember}), so a group of any size costs the same memory.
 *
 * @param tree the group's attributes and {@code meta}, never {@code members}
 * @param scimBaseUrl the directory's SCIM base URL, for the members' {@code $ref}
 */
public record GroupResource(ObjectNode tree, String id, long version, String location, String scimBaseUrl) {
}
