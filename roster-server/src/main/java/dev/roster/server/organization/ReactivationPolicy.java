package dev.roster.server.organization;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.roster.server.common.ApiException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What reactivating a deactivated SCIM user does to the organization's member it was. */
public enum ReactivationPolicy {
    /** The same member becomes active again: same id, same role. */
    RESTORE("restore"),
    /** A new member with a new id and role {@code member}; the old one stays revoked (Omni's behaviour). */
    NEW_USER("new_user");

    private final String wireName;

    ReactivationPolicy(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    static ReactivationPolicy fromWireName(String value) {
        return Arrays.stream(values()).filter(policy -> policy.wireName.equals(value)).findFirst()
                .orElseThrow(() -> ApiException.badRequest("'reactivationPolicy' must be one of "
                        + Arrays.stream(values()).map(ReactivationPolicy::wireName).collect(Collectors.joining(", "))
                        + "; got '" + value + "'"));
    }
}
