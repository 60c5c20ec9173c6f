package dev.roster.server.user;

import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.Filter;

/**
 * A list request (RFC 7644 §3.4.2): {@code filter} may be null; {@code cursor} is null for index
 * pagination and empty for the first page of cursor pagination (RFC 9865).
 */
public record UserQuery(Filter filter, long startIndex, int count, AttributePath sortBy, boolean descending,
                        String cursor) {

    public boolean cursorPagination() {
        return cursor != null;
    }
}
