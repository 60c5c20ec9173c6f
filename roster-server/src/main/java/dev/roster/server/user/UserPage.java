package dev.roster.server.user;

import java.util.List;

/** One page of users as SCIM resources; {@code nextCursor} only in cursor pagination, null on the last page. */
public record UserPage(long totalResults, long startIndex, List<UserResource> resources, String nextCursor) {
}
