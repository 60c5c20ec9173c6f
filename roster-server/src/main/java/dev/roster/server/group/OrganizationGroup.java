package dev.roster.server.group;

import java.time.OffsetDateTime;

/** A SCIM group of one of an organization's directories, as the management API shows it. */
public record OrganizationGroup(String id, String directoryId, String displayName, String externalId,
                                long memberCount, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
