package dev.roster.server.member;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.roster.server.common.ApiException;
import java.util.Locale;

/** What a member may do in the application: SCIM makes only {@code member}s; admins are made by hand. */
public enum MemberRole {
    MEMBER, ADMIN;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MemberRole fromWireName(String value) {
        for (MemberRole role : values()) {
            if (role.wireName().equals(value)) {
                return role;
            }
        }
        throw ApiException.badRequest("'role' must be member or admin; got '" + value + "'");
    }
}
