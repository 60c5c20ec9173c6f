package dev.roster.scim.schema;

/** RFC 7643 §7 "returned": when an attribute appears in a response. */
public enum Returned {
    ALWAYS("always"),
    NEVER("never"),
    DEFAULT("default"),
    REQUEST("request");

    private final String wireName;

    Returned(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
