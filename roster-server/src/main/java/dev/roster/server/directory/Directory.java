package dev.roster.server.directory;

import java.time.OffsetDateTime;

/** One identity provider connection of an organization, provisioning over SCIM with its own tokens. */
public record Directory(String id, String organizationId, DirectoryProvider provider, String name,
                        OffsetDateTime createdAt) {
}
