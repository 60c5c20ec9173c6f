package dev.roster.server.directory;

import java.time.OffsetDateTime;

/** A directory's SCIM bearer token as listed: never the secret, only a hint and its history. */
public record DirectoryToken(String id, String directoryId, String hint, OffsetDateTime createdAt,
                             OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
}
