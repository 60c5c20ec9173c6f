package dev.roster.server.group;

import java.util.List;

/** One page of groups as SCIM resources; {@code nextCursor} is null but after a cursor page with more to come. */
public record GroupPage(long totalResults, long startIndex, List<GroupResource> resources, String nextCursor) {
}
