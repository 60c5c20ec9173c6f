package dev.roster.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * A schema definition (RFC 7643 §7): a URN and its attributes. {@code undefinedAttributeAdvice}, when not null,
 * tells a client that sends an attribute the schema does not define how to fix that, e.g. where to define it.
 */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes,
                     String undefinedAttributeAdvice) {

    public Schema {
        attributes = List.copyOf(attributes);
    }

    public Schema(String id, String name, String description, List<AttributeDefinition> attributes) {
        this(id, name, description, attributes, null);
    }

    /** Hashes the URN only, which is cheap and consistent with {@code equals}; schemas are map keys. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /** What to tell a client that sent {@code path}, an attribute this schema does not define. */
    public String undefinedAttributeDetail(String path) {
        String detail = "unknown attribute '" + path + "'";
        return undefinedAttributeAdvice == null ? detail : detail + "; " + undefinedAttributeAdvice;
    }

    public Optional<AttributeDefinition> attribute(String attributeName) {
        for (AttributeDefinition attribute : attributes) {
            if (attribute.hasName(attributeName)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
