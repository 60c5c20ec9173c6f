package dev.roster.server.member;

import java.time.OffsetDateTime;
import tools.jackson.databind.JsonNode;

/**
 * A member of an organization as the management API shows it.
 *
 * @param attributes the custom attribute values of the member's SCIM user (an empty object when none)
 */
public record Member(String id, String organizationId, String directoryId, String userId, String email,
                     String name, MemberRole role, MemberStatus status, OffsetDateTime revokedAt,
                     RevocationReason revokedReason, JsonNode attributes, OffsetDateTime createdAt,
                     OffsetDateTime updatedAt) {
}
