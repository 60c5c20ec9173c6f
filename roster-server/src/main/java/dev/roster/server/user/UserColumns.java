package dev.roster.server.user;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The values of a normalized User document that are kept in columns for lookups, filters and sorting. */
record UserColumns(String userName, String externalId, boolean active, String displayNameKey, String givenNameKey,
                   String familyNameKey) {

    static UserColumns of(JsonNode document) {
        JsonNode name = document.path("name");
        return new UserColumns(
                document.path("userName").asString(),
                text(document.path("externalId")),
                document.path("active").asBoolean(true),
                key(document.path("displayName")),
                key(name.path("givenName")),
                key(name.path("familyName")));
    }

    String userNameKey() {
        return key(userName);
    }

    /** The lower-cased form that case-insensitive attributes are stored, compared and sorted by. */
    static String key(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String key(JsonNode node) {
        return key(text(node));
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }
}
