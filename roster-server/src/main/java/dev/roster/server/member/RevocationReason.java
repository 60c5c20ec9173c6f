package dev.roster.server.member;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Why a member was revoked: its SCIM user was deactivated ({@code active=false}) or deleted. */
public enum RevocationReason {
    DEACTIVATED, DELETED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
