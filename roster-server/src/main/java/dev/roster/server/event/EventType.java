package dev.roster.server.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The events Roster emits, by their wire names; docs/events.md describes each one's {@code data}. */
public enum EventType {
    USER_CREATED("user.created"),
    USER_UPDATED("user.updated"),
    USER_DEACTIVATED("user.deactivated"),
    USER_REACTIVATED("user.reactivated"),
    USER_DELETED("user.deleted"),
    GROUP_CREATED("group.created"),
    GROUP_UPDATED("group.updated"),
    GROUP_DELETED("group.deleted"),
    GROUP_MEMBER_ADDED("group.member_added"),
    GROUP_MEMBER_REMOVED("group.member_removed"),
    DIRECTORY_TOKEN_CREATED("directory.token.created"),
    DIRECTORY_TOKEN_REVOKED("directory.token.revoked"),
    MEMBER_CREATED("member.created"),
    MEMBER_ROLE_CHANGED("member.role_changed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> fromWireName(String value) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(value)).findFirst();
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
    }
}
