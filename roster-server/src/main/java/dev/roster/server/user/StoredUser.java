package dev.roster.server.user;

import java.time.OffsetDateTime;

/**
 * A user row: the normalized SCIM document (without {@code id} and {@code meta}, which are columns) and
 * its bookkeeping.
 *
 * @param groups the groups the user is a member of, as read: a JSON array of [group id, group document]
 *     pairs, or null when it is in none
 */
record StoredUser(String id, long seq, long version, OffsetDateTime created, OffsetDateTime lastModified,
                  String document, String groups) {
}
