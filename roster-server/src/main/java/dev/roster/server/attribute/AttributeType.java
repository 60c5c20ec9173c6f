package dev.roster.server.attribute;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The value type of a user attribute; the wire names are what the management API accepts and returns. */
public enum AttributeType {
    STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), DATE_TIME("date-time");

    private final String wireName;

    AttributeType(String wireName) {
        this.wireName = wireName;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static AttributeType fromWireName(String value) {
        for (AttributeType type : values()) {
            if (type.wireName.equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("'type' '" + value + "' is unknown; use one of " + wireNames());
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(AttributeType::wireName).collect(Collectors.joining(", "));
    }
}
