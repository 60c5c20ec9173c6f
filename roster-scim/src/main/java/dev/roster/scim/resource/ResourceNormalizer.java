package dev.roster.scim.resource;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Schema;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Turns a client document into Roster's canonical stored form, checked against RFC 7643 §2, §3 and §7. */
public final class ResourceNormalizer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String PRIMARY = "primary";
    private static final String VALUE = "value";

    private final ResourceSchema schema;

    public ResourceNormalizer(ResourceSchema schema) {
        this.schema = schema;
    }

    /** The canonical form of {@code input}, a new tree; throws a {@link ScimException} if it is not a valid resource. */
    public ObjectNode normalize(JsonNode input) {
        if (input == null || !input.isObject()) {
            throw ScimException.invalidSyntax("a " + schema.resourceType() + " must be a JSON object");
        }
        checkSchemas(input, input.get("schemas"));
        Map<Schema, Map<AttributeDefinition, Assigned>> bySchema = groupBySchema(input);

        ObjectNode out = NODES.objectNode();
        ArrayNode schemas = out.putArray("schemas");
        schemas.add(schema.core().id());
        Map<AttributeDefinition, Assigned> core = bySchema.getOrDefault(schema.core(), Map.of());
        List<AttributeDefinition> coreDefinitions = new ArrayList<>(schema.commonAttributes());
        coreDefinitions.addAll(schema.core().attributes());
        putAttributes(out, coreDefinitions, core, "");
        checkRequired(out, schema.core().attributes(), "");
        for (Schema extension : schema.extensions()) {
            Map<AttributeDefinition, Assigned> assigned = bySchema.get(extension);
            if (assigned == null) {
                continue;
            }
            ObjectNode extensionNode = NODES.objectNode();
            String prefix = extension.id() + ":";
            putAttributes(extensionNode, extension.attributes(), assigned, prefix);
            if (!extensionNode.isEmpty()) {
                checkRequired(extensionNode, extension.attributes(), prefix);
                out.set(extension.id(), extensionNode);
                schemas.add(extension.id());
            }
        }
        return out;
    }

    /**
     * The canonical form of a whole attribute value (an array for a multi-valued attribute), or {@code null}
     * when it is unassigned: null, empty, only readOnly parts, or the attribute itself is readOnly or writeOnly.
     */
    public JsonNode normalizeValue(AttributeDefinition definition, JsonNode value, String path) {
        if (definition.mutability() == Mutability.READ_ONLY || definition.mutability() == Mutability.WRITE_ONLY
                || value == null || value.isNull()) {
            return null;
        }
        if (!definition.multiValued()) {
            if (value.isArray()) {
                throw ScimException.invalidValue("attribute '" + path + "' is single-valued and must not be an array");
            }
            return normalizeElement(definition, value, path);
        }
        if (!value.isArray()) {
            throw ScimException.invalidValue("attribute '" + path + "' is multi-valued and must be an array");
        }
        ArrayNode elements = NODES.arrayNode();
        int primaries = 0;
        for (JsonNode element : value.values()) {
            JsonNode normalized = normalizeElement(definition, element, path);
            if (normalized != null) {
                elements.add(normalized);
                if (isPrimary(normalized)) {
                    primaries++;
                }
            }
        }
        if (primaries > 1) {
            throw ScimException.invalidValue("only one of " + path + " may be primary");
        }
        return elements.isEmpty() ? null : elements;
    }

    /**
     * The canonical form of one value of {@code definition}: the value of a single-valued attribute, or one
     * element of a multi-valued one; {@code null} when unassigned.
     */
    public JsonNode normalizeElement(AttributeDefinition definition, JsonNode value, String path) {
        if (value == null || value.isNull()) {
            return null;
        }
        JsonNode typed = switch (definition.type()) {
            case STRING, REFERENCE, BINARY -> {
                if (!value.isString()) {
                    throw wrongType(path, "a string", value);
                }
                yield value;
            }
            case BOOLEAN -> {
                if (value.isBoolean()) {
                    yield value;
                }
                // Entra sends booleans as "True" and "False".
                if (value.isString() && (value.stringValue().equalsIgnoreCase("true")
                        || value.stringValue().equalsIgnoreCase("false"))) {
                    yield NODES.booleanNode(value.stringValue().equalsIgnoreCase("true"));
                }
                throw wrongType(path, "a boolean", value);
            }
            case INTEGER -> {
                if (!value.isIntegralNumber()) {
                    throw wrongType(path, "an integer", value);
                }
                yield value;
            }
            case DECIMAL -> {
                if (!value.isNumber()) {
                    throw wrongType(path, "a number", value);
                }
                // JSON numbers beyond a double's range parse as infinity, which would be stored as a string
                if (value.isDouble() && !Double.isFinite(value.doubleValue())) {
                    throw ScimException.invalidValue("attribute '" + path + "' must be a finite number, got "
                            + value.asString());
                }
                yield value;
            }
            case DATE_TIME -> {
                if (!value.isString() || !isDateTime(value.stringValue())) {
                    throw wrongType(path, "an xsd:dateTime string such as 2011-08-01T21:32:44.882Z", value);
                }
                yield value;
            }
            case COMPLEX -> {
                if (value.isObject()) {
                    yield normalizeComplex(definition, value, path);
                }
                // Entra sends the enterprise manager as the bare id rather than {"value": id}.
                if (value.isString() && !definition.multiValued() && definition.subAttribute(VALUE).isPresent()) {
                    yield normalizeComplex(definition, NODES.objectNode().set(VALUE, value), path);
                }
                throw wrongType(path, "a complex object", value);
            }
        };
        return definition.restrictedToCanonicalValues() ? AllowedValues.match(definition, typed, path) : typed;
    }

    private ObjectNode normalizeComplex(AttributeDefinition definition, JsonNode value, String path) {
        Map<AttributeDefinition, Assigned> assigned = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            String memberPath = path + "." + member.getKey();
            AttributeDefinition sub = definition.subAttribute(member.getKey())
                    .orElseThrow(() -> ScimException.invalidValue("unknown attribute '" + memberPath + "'"));
            assign(assigned, sub, member.getValue(), path + "." + sub.name());
        }
        ObjectNode out = NODES.objectNode();
        putAttributes(out, definition.subAttributes(), assigned, path + ".");
        if (definition.multiValued() && out.has(PRIMARY) && !out.get(PRIMARY).booleanValue()) {
            // "primary": false says nothing that absence does not; keeping only true makes one canonical form.
            out.remove(PRIMARY);
        }
        if (out.isEmpty()) {
            return null;
        }
        checkRequired(out, definition.subAttributes(), path + ".");
        return out;
    }

    /**
     * The core schema must be listed. An unknown URN is ignored when the body holds no attributes under it:
     * Entra lists its own schema ({@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group})
     * on every group it creates.
     */
    private void checkSchemas(JsonNode input, JsonNode schemas) {
        if (schemas == null || !schemas.isArray()) {
            throw ScimException.invalidSyntax("'schemas' must be an array of schema URNs");
        }
        boolean core = false;
        for (JsonNode urn : schemas.values()) {
            if (!urn.isString()) {
                throw ScimException.invalidSyntax("'schemas' must contain only strings, found " + urn);
            }
            Schema known = schema.schema(urn.stringValue()).orElse(null);
            if (known == null && input.has(urn.stringValue())) {
                throw ScimException.invalidValue("unknown schema '" + urn.stringValue() + "' for a "
                        + schema.resourceType());
            }
            core |= known == schema.core();
        }
        if (!core) {
            throw ScimException.invalidValue("'schemas' must contain " + schema.core().id());
        }
    }

    private Map<Schema, Map<AttributeDefinition, Assigned>> groupBySchema(JsonNode input) {
        Map<Schema, Map<AttributeDefinition, Assigned>> bySchema = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : input.properties()) {
            String key = member.getKey();
            JsonNode value = member.getValue();
            if (key.equals("schemas")) {
                continue;
            }
            Optional<Schema> extension = schema.isExtension(key) ? schema.schema(key) : Optional.empty();
            if (extension.isPresent()) {
                if (value.isNull()) {
                    continue;
                }
                if (!value.isObject()) {
                    throw ScimException.invalidValue("extension '" + extension.get().id() + "' must be an object");
                }
                for (Map.Entry<String, JsonNode> extensionMember : value.properties()) {
                    assignQualified(bySchema, extension.get(), extensionMember.getKey(), extensionMember.getValue());
                }
                continue;
            }
            Optional<String> prefix = schema.extensionPrefixOf(key);
            if (prefix.isPresent()) {
                Schema qualified = schema.schema(prefix.get()).orElseThrow();
                assignQualified(bySchema, qualified, key.substring(prefix.get().length() + 1), value);
                continue;
            }
            AttributeDefinition definition = schema.attribute(null, key)
                    .orElseThrow(() -> ScimException.invalidValue("unknown attribute '" + key + "'"));
            assign(bySchema.computeIfAbsent(schema.core(), s -> new LinkedHashMap<>()), definition, value,
                    definition.name());
        }
        return bySchema;
    }

    private void assignQualified(Map<Schema, Map<AttributeDefinition, Assigned>> bySchema, Schema target,
                                 String name, JsonNode value) {
        String prefix = target == schema.core() ? "" : target.id() + ":";
        AttributeDefinition definition = schema.attribute(target.id(), name)
                .orElseThrow(() -> ScimException.invalidValue(target.undefinedAttributeDetail(prefix + name)));
        assign(bySchema.computeIfAbsent(target, s -> new LinkedHashMap<>()), definition, value,
                prefix + definition.name());
    }

    private static void assign(Map<AttributeDefinition, Assigned> assigned, AttributeDefinition definition,
                               JsonNode value, String path) {
        if (assigned.putIfAbsent(definition, new Assigned(value, path)) != null) {
            throw ScimException.invalidValue("attribute '" + path + "' is given more than once");
        }
    }

    private void putAttributes(ObjectNode out, List<AttributeDefinition> definitions,
                               Map<AttributeDefinition, Assigned> assigned, String prefix) {
        for (AttributeDefinition definition : definitions) {
            Assigned given = assigned.get(definition);
            if (given == null) {
                continue;
            }
            JsonNode normalized = normalizeValue(definition, given.value(), prefix + definition.name());
            if (normalized != null) {
                out.set(definition.name(), normalized);
            }
        }
    }

    private static void checkRequired(ObjectNode out, List<AttributeDefinition> definitions, String prefix) {
        for (AttributeDefinition definition : definitions) {
            if (!definition.required() || definition.mutability() == Mutability.READ_ONLY
                    || definition.mutability() == Mutability.WRITE_ONLY) {
                continue;
            }
            JsonNode value = out.get(definition.name());
            if (value == null || value.isString() && value.stringValue().isBlank()) {
                throw ScimException.invalidValue("attribute '" + prefix + definition.name() + "' is required");
            }
        }
    }

    private static boolean isPrimary(JsonNode element) {
        JsonNode primary = element.get(PRIMARY);
        return primary != null && primary.isBoolean() && primary.booleanValue();
    }

    private static boolean isDateTime(String text) {
        try {
            DateTimeFormatter.ISO_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static ScimException wrongType(String path, String expected, JsonNode actual) {
        return ScimException.invalidValue("attribute '" + path + "' must be " + expected + ", got "
                + actual.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private record Assigned(JsonNode value, String path) {
    }
}
