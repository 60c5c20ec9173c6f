package dev.roster.scim.filter;

import java.util.Locale;

/**
 * An attribute reference (RFC 7644 §3.10): optional schema URN, attribute name and optional
 * sub-attribute, as in {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value}.
 * Names keep the client's spelling; comparisons are case-insensitive.
 */
public record AttributePath(String schemaUrn, String attribute, String subAttribute) {

    public static AttributePath of(String attribute) {
        return new AttributePath(null, attribute, null);
    }

    public static AttributePath of(String attribute, String subAttribute) {
        return new AttributePath(null, attribute, subAttribute);
    }

    public AttributePath withoutSubAttribute() {
        return new AttributePath(schemaUrn, attribute, null);
    }

    public boolean hasSubAttribute() {
        return subAttribute != null;
    }

    /** The canonical text form: {@code [urn:]attribute[.subAttribute]}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (schemaUrn != null) {
            text.append(schemaUrn).append(':');
        }
        text.append(attribute);
        if (subAttribute != null) {
            text.append('.').append(subAttribute);
        }
        return text.toString();
    }

    /** Lower-cased text form, for case-insensitive keys. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }
}
