package dev.roster.scim.schema;

/** RFC 7643 §7 "uniqueness". */
public enum Uniqueness {
    NONE("none"),
    SERVER("server"),
    GLOBAL("global");

    private final String wireName;

    Uniqueness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
