package dev.roster.server.directory;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The identity provider behind a directory; it selects nothing but documentation and defaults. */
public enum DirectoryProvider {
    OKTA, ENTRA, GOOGLE, ONELOGIN, JUMPCLOUD, GENERIC;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static DirectoryProvider fromWireName(String value) {
        for (DirectoryProvider provider : values()) {
            if (provider.wireName().equalsIgnoreCase(value)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + value + "'; expected one of " + wireNames());
    }

    public static String wireNames() {
        return Arrays.stream(values()).map(DirectoryProvider::wireName).collect(Collectors.joining(", "));
    }
}
