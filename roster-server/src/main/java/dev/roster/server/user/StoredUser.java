package dev.roster.server.user;

import java.time.OffsetDateTime;

/**
 * A user row: the normalized SCIM document (without {@code id} and {@code meta}, which are columns) and
 * its bookkeeping.
 */
record StoredUser(String id, long seq, long version, OffsetDateTime created, OffsetDateTime lastModified,
                  String document) {
}
