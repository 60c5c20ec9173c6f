package dev.roster.server.member;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** A revoked member is no longer a member of the organization; its row stays to record when and why. */
public enum MemberStatus {
    ACTIVE, REVOKED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
