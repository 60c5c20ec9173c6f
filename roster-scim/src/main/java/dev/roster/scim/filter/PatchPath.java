package dev.roster.scim.filter;

import java.util.Objects;

/**
 * The target of a PATCH operation (RFC 7644 §3.5.2): {@code attrPath} or
 * {@code valuePath [subAttr]}, as in {@code emails[type eq "work"].value}. A plain
 * {@code name.givenName} keeps its sub-attribute inside {@link #attribute}; {@link #subAttribute} is
 * only the one that follows a value filter.
 */
public record PatchPath(AttributePath attribute, Filter valueFilter, String subAttribute) {

    public PatchPath {
        Objects.requireNonNull(attribute);
        if (subAttribute != null && valueFilter == null) {
            throw new IllegalArgumentException("a sub-attribute after the path needs a value filter");
        }
        if (valueFilter != null && attribute.hasSubAttribute()) {
            throw new IllegalArgumentException("a value filter applies to an attribute, not a sub-attribute");
        }
    }

    /** Parses a PATCH path; throws {@code invalidPath} naming the character position. */
    public static PatchPath parse(String text) {
        return FilterParser.parsePatchPath(text);
    }

    public boolean hasValueFilter() {
        return valueFilter != null;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(attribute.toString());
        if (valueFilter != null) {
            text.append('[').append(valueFilter).append(']');
        }
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }
}
