package dev.roster.server.directory;

/** The directory a SCIM request's bearer token belongs to. */
public record AuthenticatedDirectory(String directoryId, String organizationId, String tokenId) {
}
