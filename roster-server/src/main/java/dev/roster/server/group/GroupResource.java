package dev.roster.server.group;

import tools.jackson.databind.node.ObjectNode;

/** A group as the SCIM endpoint returns it, with the version and location its response headers carry. */
public record GroupResource(ObjectNode tree, long version, String location) {
}
