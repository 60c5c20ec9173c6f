package dev.roster.server.member;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A member's email, name and custom attributes as read from its SCIM user's document. Read on every member
 * read instead of copied on every SCIM write, so that PUTs and PATCHes that do not change {@code active} cost
 * no extra statement.
 */
record MemberProfile(String email, String name, JsonNode attributes) {

    private static final JsonMapper JSON = JsonMapper.shared();
    static final Pattern LOOKS_LIKE_EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    static MemberProfile of(String userDocument, String attributeSchema) {
        return of(JSON.readTree(userDocument), attributeSchema);
    }

    /**
     * The email is the primary address, else the first, else the userName when it looks like an email
     * address; the name is displayName, else name.formatted, else givenName and familyName.
     */
    static MemberProfile of(JsonNode user, String attributeSchema) {
        JsonNode attributes = user.path(attributeSchema);
        return new MemberProfile(email(user), name(user), attributes.isObject() ? attributes : noAttributes());
    }

    static JsonNode noAttributes() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static String email(JsonNode user) {
        String first = null;
        for (JsonNode email : user.path("emails")) {
            String value = text(email.path("value"));
            if (value != null && email.path("primary").asBoolean(false)) {
                return value;
            }
            first = first == null ? value : first;
        }
        if (first != null) {
            return first;
        }
        String userName = text(user.path("userName"));
        return userName != null && LOOKS_LIKE_EMAIL.matcher(userName).matches() ? userName : null;
    }

    private static String name(JsonNode user) {
        String displayName = text(user.path("displayName"));
        if (displayName != null) {
            return displayName;
        }
        JsonNode name = user.path("name");
        String formatted = text(name.path("formatted"));
        if (formatted != null) {
            return formatted;
        }
        String joined = String.join(" ", Stream.of(text(name.path("givenName")), text(name.path("familyName")))
                .filter(Objects::nonNull).toList());
        return joined.isEmpty() ? null : joined;
    }

    private static String text(JsonNode node) {
        return node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
    }
}
