package dev.roster.scim.filter;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.DateTimes;
import dev.roster.scim.schema.ResourceSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks filters against a resource schema and evaluates them in memory against SCIM resources
 * (RFC 7644 §3.4.2.2). The SQL translator must agree with it on {@code FilterTruthTable}.
 */
public final class FilterEvaluator {

    private final ResourceSchema schema;

    public FilterEvaluator(ResourceSchema schema) {
        this.schema = Objects.requireNonNull(schema);
    }

    /** Whether a resource, as the client sees it (extensions under their URN key), matches. */
    public boolean matches(Filter filter, JsonNode resource) {
        return evaluate(filter, path -> resolve(path, resource));
    }

    /** Whether one value of a multi-valued complex attribute matches a value filter relative to it. */
    public boolean matchesValue(Filter filter, JsonNode element, AttributeDefinition multiValuedAttribute) {
        return evaluate(filter, path -> resolveWithin(path, element, multiValuedAttribute));
    }

    /** Throws {@code invalidFilter} unless every path resolves and every comparison suits its attribute. */
    public void validate(Filter filter) {
        check(filter, null);
    }

    /** A resolved path: its definition ({@code null} when the schema does not know it) and its JSON value. */
    private record Target(AttributeDefinition definition, JsonNode node) {
    }

    private boolean evaluate(Filter filter, Function<AttributePath, Target> scope) {
        return switch (filter) {
            case Filter.Comparison comparison -> compare(scope.apply(comparison.path()), comparison);
            case Filter.Present present -> isPresent(scope.apply(present.path()).node());
            case Filter.And and -> evaluate(and.left(), scope) && evaluate(and.right(), scope);
            case Filter.Or or -> evaluate(or.left(), scope) || evaluate(or.right(), scope);
            case Filter.Not not -> !evaluate(not.inner(), scope);
            case Filter.ValuePath valuePath -> anyElementMatches(scope.apply(valuePath.attribute()),
                    valuePath.filter());
        };
    }

    private Target resolve(AttributePath path, JsonNode resource) {
        String urn = path.schemaUrn();
        JsonNode container = urn == null || urn.equalsIgnoreCase(schema.core().id()) ? resource : field(resource, urn);
        AttributeDefinition definition = schema.attribute(urn, path.attribute()).orElse(null);
        return descend(new Target(definition, field(container, path.attribute())), path.subAttribute());
    }

    private static Target resolveWithin(AttributePath path, JsonNode element, AttributeDefinition parent) {
        if (path.schemaUrn() != null) {
            return new Target(null, null);
        }
        AttributeDefinition definition = parent == null ? null : parent.subAttribute(path.attribute()).orElse(null);
        return descend(new Target(definition, field(element, path.attribute())), path.subAttribute());
    }

    private static Target descend(Target target, String subAttribute) {
        if (subAttribute == null) {
            return target;
        }
        AttributeDefinition definition = target.definition() == null ? null
                : target.definition().subAttribute(subAttribute).orElse(null);
        JsonNode node = target.node();
        if (node != null && node.isArray()) {
            List<JsonNode> values = new ArrayList<>();
            for (JsonNode element : node) {
                JsonNode value = field(element, subAttribute);
                if (value != null) {
                    values.add(value);
                }
            }
            return new Target(definition, JsonNodeFactory.instance.arrayNode().addAll(values));
        }
        return new Target(definition, field(node, subAttribute));
    }

    /** The member named {@code name}, ignoring case (RFC 7643 §2.1), or {@code null}. */
    private static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            if (property.getKey().equalsIgnoreCase(name)) {
                return property.getValue();
            }
        }
        return null;
    }

    /** Present means not null, not an empty string, and for arrays and objects some present member. */
    private static boolean isPresent(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return false;
        }
        if (node.isString()) {
            return !node.stringValue().isEmpty();
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (isPresent(element)) {
                    return true;
                }
            }
            return false;
        }
        if (node.isObject()) {
            return node.properties().stream().anyMatch(property -> isPresent(property.getValue()));
        }
        return true;
    }

    private boolean anyElementMatches(Target target, Filter inner) {
        JsonNode node = target.node();
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            return matchesValue(inner, node, target.definition());
        }
        for (JsonNode element : node) {
            if (element.isObject() && matchesValue(inner, element, target.definition())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Any value equal, containing, ... makes a match; {@code ne} holds when no value is equal, so an absent
     * attribute is {@code ne} anything. {@code eq null} means absent (the negation of {@code pr}).
     */
    private static boolean compare(Target target, Filter.Comparison comparison) {
        ComparisonOperator operator = comparison.operator();
        JsonNode expected = comparison.value();
        if (expected.isNull()) {
            return switch (operator) {
                case EQ -> !isPresent(target.node());
                case NE -> isPresent(target.node());
                default -> false;
            };
        }
        Target leaf = isComplex(target) ? descend(target, "value") : target;
        List<JsonNode> values = scalars(leaf.node());
        if (operator == ComparisonOperator.NE) {
            return values.stream().noneMatch(v -> test(leaf.definition(), ComparisonOperator.EQ, v, expected));
        }
        return values.stream().anyMatch(v -> test(leaf.definition(), operator, v, expected));
    }

    private static boolean isComplex(Target target) {
        if (target.definition() != null) {
            return target.definition().isComplex();
        }
        JsonNode node = target.node();
        return node != null && (node.isObject() || (node.isArray() && !node.isEmpty() && node.get(0).isObject()));
    }

    private static List<JsonNode> scalars(JsonNode node) {
        if (node == null) {
            return List.of();
        }
        Iterable<JsonNode> candidates = node.isArray() ? node : List.of(node);
        List<JsonNode> values = new ArrayList<>();
        for (JsonNode value : candidates) {
            if (value.isValueNode() && !value.isNull()) {
                values.add(value);
            }
        }
        return values;
    }

    private static boolean test(AttributeDefinition definition, ComparisonOperator operator, JsonNode actual,
                                JsonNode expected) {
        if (expected.isBoolean()) {
            return operator == ComparisonOperator.EQ && actual.isBoolean()
                    && actual.booleanValue() == expected.booleanValue();
        }
        if (expected.isNumber()) {
            return actual.isNumber() && !isSubstringOperator(operator)
                    && holds(operator, actual.decimalValue().compareTo(expected.decimalValue()));
        }
        if (!actual.isString()) {
            return false;
        }
        if (definition != null && definition.type() == AttributeType.DATE_TIME) {
            Instant actualInstant = DateTimes.instant(actual.stringValue());
            Instant expectedInstant = DateTimes.instant(expected.stringValue());
            return actualInstant != null && expectedInstant != null && !isSubstringOperator(operator)
                    && holds(operator, actualInstant.compareTo(expectedInstant));
        }
        boolean caseExact = definition != null && definition.caseExact();
        String value = caseExact ? actual.stringValue() : lower(actual.stringValue());
        String operand = caseExact ? expected.stringValue() : lower(expected.stringValue());
        return switch (operator) {
            case CO -> value.contains(operand);
            case SW -> value.startsWith(operand);
            case EW -> value.endsWith(operand);
            default -> holds(operator, value.compareTo(operand));
        };
    }

    private static boolean holds(ComparisonOperator operator, int order) {
        return switch (operator) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            case CO, SW, EW -> false;
        };
    }

    private static boolean isSubstringOperator(ComparisonOperator operator) {
        return operator == ComparisonOperator.CO || operator == ComparisonOperator.SW
                || operator == ComparisonOperator.EW;
    }

    private static boolean isOrdering(ComparisonOperator operator) {
        return operator == ComparisonOperator.GT || operator == ComparisonOperator.GE
                || operator == ComparisonOperator.LT || operator == ComparisonOperator.LE;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private void check(Filter filter, AttributeDefinition valuePathAttribute) {
        switch (filter) {
            case Filter.Comparison comparison -> checkComparison(
                    definition(comparison.path(), valuePathAttribute), comparison);
            case Filter.Present present -> definition(present.path(), valuePathAttribute);
            case Filter.And and -> {
                check(and.left(), valuePathAttribute);
                check(and.right(), valuePathAttribute);
            }
            case Filter.Or or -> {
                check(or.left(), valuePathAttribute);
                check(or.right(), valuePathAttribute);
            }
            case Filter.Not not -> check(not.inner(), valuePathAttribute);
            case Filter.ValuePath valuePath -> {
                if (valuePathAttribute != null) {
                    throw ScimException.invalidFilter("value filter nested inside '" + valuePathAttribute.name()
                            + "[...]'");
                }
                AttributeDefinition attribute = definition(valuePath.attribute(), null);
                if (!attribute.isComplex() || valuePath.attribute().hasSubAttribute()) {
                    throw ScimException.invalidFilter("'" + valuePath.attribute()
                            + "' has no sub-attributes to filter on");
                }
                check(valuePath.filter(), attribute);
            }
        }
    }

    private AttributeDefinition definition(AttributePath path, AttributeDefinition valuePathAttribute) {
        AttributeDefinition definition;
        if (valuePathAttribute != null) {
            if (path.schemaUrn() != null || path.hasSubAttribute()) {
                throw ScimException.invalidFilter("'" + path + "' inside '" + valuePathAttribute.name()
                        + "[...]' must name one of its sub-attributes");
            }
            definition = valuePathAttribute.subAttribute(path.attribute()).orElseThrow(() -> unknown(
                    valuePathAttribute.name() + "." + path.attribute()));
        } else {
            if (path.schemaUrn() != null && schema.schema(path.schemaUrn()).isEmpty()) {
                throw ScimException.invalidFilter("unknown schema '" + path.schemaUrn() + "' in '" + path + "'");
            }
            definition = schema.attribute(path.schemaUrn(), path.attribute())
                    .orElseThrow(() -> unknown(path.withoutSubAttribute().toString()));
        }
        if (!path.hasSubAttribute()) {
            return definition;
        }
        if (!definition.isComplex()) {
            throw ScimException.invalidFilter("'" + path.withoutSubAttribute() + "' has no sub-attributes, so '"
                    + path + "' does not exist");
        }
        return definition.subAttribute(path.subAttribute()).orElseThrow(() -> unknown(path.toString()));
    }

    private static ScimException unknown(String path) {
        return ScimException.invalidFilter("unknown attribute '" + path + "'");
    }

    private static void checkComparison(AttributeDefinition definition, Filter.Comparison comparison) {
        ComparisonOperator operator = comparison.operator();
        JsonNode value = comparison.value();
        String path = comparison.path().toString();
        if (value.isNull()) {
            if (operator != ComparisonOperator.EQ && operator != ComparisonOperator.NE) {
                throw ScimException.invalidFilter("'" + operator.keyword() + "' cannot compare '" + path
                        + "' with null; use eq or ne");
            }
            return;
        }
        AttributeDefinition leaf = definition;
        if (definition.isComplex()) {
            leaf = definition.subAttribute("value").orElseThrow(() -> ScimException.invalidFilter(
                    "'" + path + "' is complex; compare one of its sub-attributes"));
        }
        AttributeType type = leaf.type();
        boolean fits = switch (type) {
            case BOOLEAN -> value.isBoolean();
            case INTEGER, DECIMAL -> value.isNumber();
            case DATE_TIME -> value.isString() && DateTimes.instant(value.stringValue()) != null;
            case STRING, REFERENCE, BINARY -> value.isString();
            case COMPLEX -> false;
        };
        if (!fits) {
            throw ScimException.invalidFilter("'" + path + "' is " + article(type) + " " + type.wireName()
                    + " attribute and cannot be compared with " + value);
        }
        boolean operatorFits = switch (type) {
            case BOOLEAN -> operator == ComparisonOperator.EQ || operator == ComparisonOperator.NE;
            case INTEGER, DECIMAL, DATE_TIME -> !isSubstringOperator(operator);
            case BINARY -> !isOrdering(operator);
            case STRING, REFERENCE, COMPLEX -> true;
        };
        if (!operatorFits) {
            throw ScimException.invalidFilter("'" + operator.keyword() + "' is not defined for '" + path
                    + "', " + article(type) + " " + type.wireName() + " attribute");
        }
    }

    private static String article(AttributeType type) {
        return type == AttributeType.INTEGER ? "an" : "a";
    }
}
