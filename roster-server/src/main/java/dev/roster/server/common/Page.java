package dev.roster.server.common;

import java.util.List;

/** One page of a management API listing; {@code nextCursor} is null on the last page. */
public record Page<T>(List<T> data, String nextCursor) {
}
