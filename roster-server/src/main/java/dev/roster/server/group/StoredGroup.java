package dev.roster.server.group;

import java.time.OffsetDateTime;

/** A group row: the normalized document without {@code id}, {@code meta} and {@code members}, and its bookkeeping. */
record StoredGroup(String id, long seq, long version, OffsetDateTime created, OffsetDateTime lastModified,
                   String document) {
}
