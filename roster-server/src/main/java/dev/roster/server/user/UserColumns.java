package dev.roster.server.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** The values of a normalized User document that are kept in columns for lookups, filters and sorting. */
record UserColumns(String userName, String externalId, boolean active, String displayNameKey, String givenNameKey,
                   String familyNameKey, List<EmailKey> emails) {

    /** One email address as the {@code scim_user_emails} table indexes it: value and type lower-cased. */
    record EmailKey(String valueKey, String typeKey) {
    }

    static UserColumns of(JsonNode document) {
        JsonNode name = document.path("name");
        List<EmailKey> emails = new ArrayList<>();
        for (JsonNode email : document.path("emails")) {
            String value = key(email.path("value"));
            if (value != null) {
                emails.add(new EmailKey(value, key(email.path("type"))));
            }
        }
        return new UserColumns(
                document.path("userName").asString(),
                text(document.path("externalId")),
                document.path("active").asBoolean(true),
                key(document.path("displayName")),
                key(name.path("givenName")),
                key(name.path("familyName")),
                List.copyOf(emails));
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
