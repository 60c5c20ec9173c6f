package dev.roster.scim.projection;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Schema;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5, §3.9) applied under each
 * attribute's "returned" characteristic (RFC 7643 §7).
 *
 * <p>Where the RFC leaves room, Roster decides:
 * <ul>
 *   <li>Sending both parameters is rejected with {@code invalidValue}: the RFC gives no rule to combine them.</li>
 *   <li>A well-formed name that the resource type does not define is ignored, as most service providers do,
 *       so a client asking for an attribute Roster does not keep still gets the rest. A malformed name
 *       ({@code name..givenName}, {@code a.b.c}) is rejected with {@code invalidValue}.</li>
 *   <li>An unqualified name resolves among the common and core attributes only (RFC 7644 §3.10); extension
 *       attributes need their schema URN, or the bare extension URN selects the whole extension.</li>
 *   <li>Naming a parent ({@code name}) returns its "default" sub-attributes; sub-attributes returned on
 *       "request" appear only when named themselves ({@code name.givenName}).</li>
 *   <li>{@link #apply} keeps only members the schema defines, plus {@code schemas}, so a response never carries
 *       more than {@code /Schemas} advertises. Complex values left empty by the projection are omitted.</li>
 * </ul>
 */
public final class AttributeProjection {

    private static final Pattern ATTRIBUTE_PATH =
            Pattern.compile("[A-Za-z$][A-Za-z0-9_$-]*(\\.[A-Za-z$][A-Za-z0-9_$-]*)?");

    /** Which query parameter, if any, drives the projection. */
    private enum Mode { DEFAULT, ATTRIBUTES, EXCLUDED_ATTRIBUTES }

    /** A resolved name: a whole schema when {@code attribute} is null, else an attribute or sub-attribute. */
    private record Target(Schema schema, AttributeDefinition attribute, AttributeDefinition subAttribute) {
    }

    private final ResourceSchema resourceSchema;
    private final Mode mode;
    private final Set<String> namedSchemas = new HashSet<>();
    private final Set<String> namedAttributes = new HashSet<>();
    private final Set<String> namedSubAttributes = new HashSet<>();
    private final Set<String> parentsOfNamedSubAttributes = new HashSet<>();

    private AttributeProjection(ResourceSchema resourceSchema, Mode mode, String names) {
        this.resourceSchema = resourceSchema;
        this.mode = mode;
        if (mode == Mode.DEFAULT) {
            return;
        }
        String parameter = mode == Mode.ATTRIBUTES ? "attributes" : "excludedAttributes";
        Function<String, RuntimeException> malformed = detail -> ScimException.invalidValue(parameter + ": " + detail);
        for (String raw : names.split(",")) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            resolve(name, malformed).ifPresent(this::remember);
        }
    }

    /**
     * The projection for a request's raw {@code attributes} and {@code excludedAttributes} values, either of
     * which may be null or blank.
     *
     * @throws ScimException {@code invalidValue} if both are given or a name is malformed
     */
    public static AttributeProjection of(ResourceSchema schema, String attributes, String excludedAttributes) {
        boolean hasAttributes = attributes != null && !attributes.isBlank();
        boolean hasExcluded = excludedAttributes != null && !excludedAttributes.isBlank();
        if (hasAttributes && hasExcluded) {
            throw ScimException.invalidValue("attributes and excludedAttributes cannot be combined; send one of them");
        }
        if (hasAttributes) {
            return new AttributeProjection(schema, Mode.ATTRIBUTES, attributes);
        }
        if (hasExcluded) {
            return new AttributeProjection(schema, Mode.EXCLUDED_ATTRIBUTES, excludedAttributes);
        }
        return new AttributeProjection(schema, Mode.DEFAULT, "");
    }

    /**
     * True when the request named neither {@code attributes} nor {@code excludedAttributes}: {@link #apply} then
     * returns every attribute of a normalized resource except those returned "never" or on "request", so a
     * caller holding a resource stored without such attributes may return it as it is.
     */
    public boolean isDefault() {
        return mode == Mode.DEFAULT;
    }

    /**
     * Whether {@link #apply} would return this attribute, so a caller can skip loading it (say, a group's
     * members). Takes the same name forms as the query parameters.
     *
     * @throws IllegalArgumentException if the name is malformed or not defined by the resource type: a caller's
     *     mistake, unlike an unknown name in a query parameter
     */
    public boolean includes(String attributeName) {
        Target target = resolve(attributeName.strip(), IllegalArgumentException::new)
                .orElseThrow(() -> new IllegalArgumentException(
                        resourceSchema.resourceType() + " has no attribute '" + attributeName + "'"));
        if (target.attribute() == null) {
            return target.schema().attributes().stream().anyMatch(a -> returnsAttribute(target.schema(), a));
        }
        if (!returnsAttribute(target.schema(), target.attribute())) {
            return false;
        }
        return target.subAttribute() == null
                || returnsSubAttribute(target.schema(), target.attribute(), target.subAttribute());
    }

    /** A new document holding what this projection returns of {@code resource}; the input is not changed. */
    public ObjectNode apply(ObjectNode resource) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : resource.properties()) {
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (name.equalsIgnoreCase("schemas")) {
                projected.set(name, value.deepCopy());
            } else if (resourceSchema.isExtension(name)) {
                Schema extension = resourceSchema.schema(name).orElseThrow();
                if (value.isObject()) {
                    ObjectNode attributes = projectAttributes(extension, value);
                    if (!attributes.isEmpty()) {
                        projected.set(name, attributes);
                    }
                }
            } else {
                resourceSchema.attribute(null, name)
                        .filter(definition -> returnsAttribute(resourceSchema.core(), definition))
                        .flatMap(definition -> projectValue(resourceSchema.core(), definition, value))
                        .ifPresent(kept -> projected.set(name, kept));
            }
        }
        return projected;
    }

    private ObjectNode projectAttributes(Schema extension, JsonNode value) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            extension.attribute(member.getKey())
                    .filter(definition -> returnsAttribute(extension, definition))
                    .flatMap(definition -> projectValue(extension, definition, member.getValue()))
                    .ifPresent(kept -> projected.set(member.getKey(), kept));
        }
        return projected;
    }

    private Optional<JsonNode> projectValue(Schema schema, AttributeDefinition definition, JsonNode value) {
        if (!definition.isComplex()) {
            return Optional.of(value.deepCopy());
        }
        if (value.isObject()) {
            ObjectNode complex = projectComplex(schema, definition, value);
            return complex.isEmpty() ? Optional.empty() : Optional.of(complex);
        }
        if (value.isArray()) {
            ArrayNode values = JsonNodeFactory.instance.arrayNode();
            for (JsonNode element : value.values()) {
                if (element.isObject()) {
                    ObjectNode complex = projectComplex(schema, definition, element);
                    if (!complex.isEmpty()) {
                        values.add(complex);
                    }
                } else {
                    values.add(element.deepCopy());
                }
            }
            return values.isEmpty() ? Optional.empty() : Optional.of(values);
        }
        return Optional.of(value.deepCopy());
    }

    private ObjectNode projectComplex(Schema schema, AttributeDefinition parent, JsonNode value) {
        ObjectNode projected = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, JsonNode> member : value.properties()) {
            parent.subAttribute(member.getKey())
                    .filter(sub -> returnsSubAttribute(schema, parent, sub))
                    .ifPresent(sub -> projected.set(member.getKey(), member.getValue().deepCopy()));
        }
        return projected;
    }

    private boolean returnsAttribute(Schema schema, AttributeDefinition attribute) {
        return switch (attribute.returned()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case REQUEST -> mode == Mode.ATTRIBUTES && isNamed(schema, attribute);
            case DEFAULT -> switch (mode) {
                case DEFAULT -> true;
                case ATTRIBUTES -> isNamed(schema, attribute);
                case EXCLUDED_ATTRIBUTES -> !isNamedWhole(schema, attribute);
            };
        };
    }

    /** Decides a sub-attribute of a parent that {@link #returnsAttribute} keeps. */
    private boolean returnsSubAttribute(Schema schema, AttributeDefinition parent, AttributeDefinition sub) {
        boolean named = namedSubAttributes.contains(key(schema, parent, sub));
        return switch (sub.returned()) {
            case ALWAYS -> true;
            case NEVER -> false;
            case REQUEST -> mode == Mode.ATTRIBUTES && named;
            case DEFAULT -> switch (mode) {
                case DEFAULT -> true;
                case ATTRIBUTES -> named || isNamedWhole(schema, parent)
                        || !parentsOfNamedSubAttributes.contains(key(schema, parent));
                case EXCLUDED_ATTRIBUTES -> !named;
            };
        };
    }

    private boolean isNamed(Schema schema, AttributeDefinition attribute) {
        return isNamedWhole(schema, attribute) || parentsOfNamedSubAttributes.contains(key(schema, attribute));
    }

    private boolean isNamedWhole(Schema schema, AttributeDefinition attribute) {
        return namedSchemas.contains(key(schema)) || namedAttributes.contains(key(schema, attribute));
    }

    private void remember(Target target) {
        if (target.attribute() == null) {
            namedSchemas.add(key(target.schema()));
        } else if (target.subAttribute() == null) {
            namedAttributes.add(key(target.schema(), target.attribute()));
        } else {
            namedSubAttributes.add(key(target.schema(), target.attribute(), target.subAttribute()));
            parentsOfNamedSubAttributes.add(key(target.schema(), target.attribute()));
        }
    }

    /**
     * Resolves {@code [urn:]attribute[.subAttribute]} or a bare schema URN; empty when the resource type does
     * not define it. Common attributes (id, externalId, meta) belong to the core schema's URN.
     */
    private Optional<Target> resolve(String name, Function<String, RuntimeException> malformed) {
        Optional<Schema> whole = resourceSchema.schema(name);
        if (whole.isPresent()) {
            return Optional.of(new Target(whole.get(), null, null));
        }
        Optional<String> prefix = resourceSchema.extensionPrefixOf(name);
        if (prefix.isEmpty() && name.regionMatches(true, 0, "urn:", 0, 4)) {
            return Optional.empty();
        }
        Schema schema = prefix.flatMap(resourceSchema::schema).orElse(resourceSchema.core());
        String path = prefix.map(p -> name.substring(p.length() + 1)).orElse(name);
        if (!ATTRIBUTE_PATH.matcher(path).matches()) {
            throw malformed.apply("'" + name + "' is not an attribute name");
        }
        int dot = path.indexOf('.');
        Optional<AttributeDefinition> attribute =
                resourceSchema.attribute(schema.id(), dot < 0 ? path : path.substring(0, dot));
        if (attribute.isEmpty() || dot < 0) {
            return attribute.map(a -> new Target(schema, a, null));
        }
        return attribute.get().subAttribute(path.substring(dot + 1))
                .map(sub -> new Target(schema, attribute.get(), sub));
    }

    private static String key(Schema schema) {
        return schema.id().toLowerCase(Locale.ROOT);
    }

    private static String key(Schema schema, AttributeDefinition attribute) {
        return key(schema) + ":" + attribute.lowerName();
    }

    private static String key(Schema schema, AttributeDefinition attribute, AttributeDefinition sub) {
        return key(schema, attribute) + "." + sub.lowerName();
    }
}
