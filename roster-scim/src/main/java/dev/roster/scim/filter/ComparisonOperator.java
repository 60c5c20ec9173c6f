package dev.roster.scim.filter;

import java.util.Optional;

/** The attribute operators of RFC 7644 §3.4.2.2 that compare against a value. */
public enum ComparisonOperator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    public String keyword() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Operators are case-insensitive on the wire. */
    public static Optional<ComparisonOperator> fromKeyword(String keyword) {
        for (ComparisonOperator op : values()) {
            if (op.name().equalsIgnoreCase(keyword)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
