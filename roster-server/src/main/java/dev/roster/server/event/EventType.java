package dev.roster.server.event;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The events Roster emits so far, by their wire names; docs/events.md describes each one's {@code data}. */
public enum EventType {
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
