package dev.roster.server.organization;

import java.time.OffsetDateTime;

/** A customer of the application: the tenant that owns directories, users and groups. */
public record Organization(String id, String name, ReactivationPolicy reactivationPolicy,
                           OffsetDateTime createdAt) {
}
