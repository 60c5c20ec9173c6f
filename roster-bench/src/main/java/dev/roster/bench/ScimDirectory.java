package dev.roster.bench;

import java.net.URI;

/** A directory the benchmark created: where its SCIM endpoints live and the token they accept. */
record ScimDirectory(String organizationId, String id, URI scimBaseUrl, String token) {}
