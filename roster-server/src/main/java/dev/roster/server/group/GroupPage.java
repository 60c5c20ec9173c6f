package dev.roster.server.group;

import java.util.List;

/** One page of groups as SCIM resources. */
public record GroupPage(long totalResults, long startIndex, List<GroupResource> resources) {
}
