package dev.roster.scim.schema;

import java.util.List;
import java.util.Optional;

/** A schema definition (RFC 7643 §7): a URN and its attributes. */
public record Schema(String id, String name, String description, List<AttributeDefinition> attributes) {

    public Schema {
        attributes = List.copyOf(attributes);
    }

    /** Hashes the URN only, which is cheap and consistent with {@code equals}; schemas are map keys. */
    @Override
    public int hashCode() {
        return id.hashCode();
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
