package dev.roster.server.member;

import java.time.OffsetDateTime;

/**
 * A member row as read, with the stored document of its SCIM user while that user exists.
 *
 * @param userDocument the SCIM user's normalized document, or null for members made by hand and after the
 *     user's deletion
 */
record StoredMember(String id, String organizationId, String directoryId, String userId, long seq, MemberRole role,
                    MemberStatus status, OffsetDateTime revokedAt, RevocationReason revokedReason, String email,
                    String name, OffsetDateTime createdAt, OffsetDateTime updatedAt, String userDocument) {
}
