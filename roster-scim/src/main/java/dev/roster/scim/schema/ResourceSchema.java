package dev.roster.scim.schema;

import java.util.List;
import java.util.Optional;

/**
 * A resource type's core schema with its extensions (RFC 7643 §6): the single place that resolves an
 * attribute name, optionally qualified by a schema URN, to its definition.
 */
public record ResourceSchema(String resourceType, String endpoint, Schema core, List<Schema> extensions,
                             List<AttributeDefinition> commonAttributes) {

    public ResourceSchema {
        extensions = List.copyOf(extensions);
        commonAttributes = List.copyOf(commonAttributes);
    }

    /** The schema with this URN (case-insensitive), core or extension. */
    public Optional<Schema> schema(String urn) {
        if (core.id().equalsIgnoreCase(urn)) {
            return Optional.of(core);
        }
        return extensions.stream().filter(s -> s.id().equalsIgnoreCase(urn)).findFirst();
    }

    public boolean isExtension(String urn) {
        return extensions.stream().anyMatch(s -> s.id().equalsIgnoreCase(urn));
    }

    /**
     * Resolves a top-level attribute: with a {@code schemaUrn} inside that schema, without one among the
     * common attributes (id, externalId, meta) and the core schema.
     */
    public Optional<AttributeDefinition> attribute(String schemaUrn, String attributeName) {
        if (schemaUrn != null) {
            if (schemaUrn.equalsIgnoreCase(core.id())) {
                Optional<AttributeDefinition> common = common(attributeName);
                return common.isPresent() ? common : core.attribute(attributeName);
            }
            return schema(schemaUrn).flatMap(s -> s.attribute(attributeName));
        }
        Optional<AttributeDefinition> common = common(attributeName);
        return common.isPresent() ? common : core.attribute(attributeName);
    }

    private Optional<AttributeDefinition> common(String attributeName) {
        return commonAttributes.stream().filter(a -> a.hasName(attributeName)).findFirst();
    }

    /** The extension URN that {@code text} starts with followed by ':', longest first; empty if none. */
    public Optional<String> extensionPrefixOf(String text) {
        String best = null;
        for (Schema extension : extensions) {
            String id = extension.id();
            if (text.length() > id.length() && text.regionMatches(true, 0, id, 0, id.length())
                    && text.charAt(id.length()) == ':' && (best == null || id.length() > best.length())) {
                best = id;
            }
        }
        if (best == null && text.length() > core.id().length()
                && text.regionMatches(true, 0, core.id(), 0, core.id().length())
                && text.charAt(core.id().length()) == ':') {
            best = core.id();
        }
        return Optional.ofNullable(best);
    }
}
