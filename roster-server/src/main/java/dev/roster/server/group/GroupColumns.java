package dev.roster.server.group;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The values of a normalized Group document kept in columns for lookups and filters. */
record GroupColumns(String displayNameKey, String externalId) {

    static GroupColumns of(JsonNode document) {
        JsonNode externalId = document.path("externalId");
        return new GroupColumns(key(document.path("displayName").asString()),
                externalId.isString() ? externalId.asString() : null);
    }

    static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
