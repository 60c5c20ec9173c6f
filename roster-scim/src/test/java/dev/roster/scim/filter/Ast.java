package dev.roster.scim.filter;

import java.math.BigDecimal;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** Short factories for expected filter ASTs in tests: {@code eq("name.givenName", "Barbara")}. */
final class Ast {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Ast() {
    }

    /** {@code [urn:]attribute[.sub]}, split like the parser: the URN ends at the last ':'. */
    static AttributePath path(String text) {
        int colon = text.lastIndexOf(':');
        String urn = colon < 0 ? null : text.substring(0, colon);
        String rest = text.substring(colon + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? new AttributePath(urn, rest, null)
                : new AttributePath(urn, rest.substring(0, dot), rest.substring(dot + 1));
    }

    static JsonNode json(Object value) {
        return switch (value) {
            case null -> NODES.nullNode();
            case JsonNode node -> node;
            case String text -> NODES.stringNode(text);
            case Boolean bool -> NODES.booleanNode(bool);
            case Integer number -> NODES.numberNode(number);
            case Long number -> NODES.numberNode(number);
            case BigDecimal number -> NODES.numberNode(number);
            case Double number -> NODES.numberNode(number);
            default -> throw new IllegalArgumentException("not a filter value: " + value);
        };
    }

    static Filter compare(String path, ComparisonOperator operator, Object value) {
        return new Filter.Comparison(path(path), operator, json(value));
    }

    static Filter eq(String path, Object value) {
        return compare(path, ComparisonOperator.EQ, value);
    }

    static Filter ne(String path, Object value) {
        return compare(path, ComparisonOperator.NE, value);
    }

    static Filter co(String path, Object value) {
        return compare(path, ComparisonOperator.CO, value);
    }

    static Filter sw(String path, Object value) {
        return compare(path, ComparisonOperator.SW, value);
    }

    static Filter ew(String path, Object value) {
        return compare(path, ComparisonOperator.EW, value);
    }

    static Filter gt(String path, Object value) {
        return compare(path, ComparisonOperator.GT, value);
    }

    static Filter ge(String path, Object value) {
        return compare(path, ComparisonOperator.GE, value);
    }

    static Filter lt(String path, Object value) {
        return compare(path, ComparisonOperator.LT, value);
    }

    static Filter le(String path, Object value) {
        return compare(path, ComparisonOperator.LE, value);
    }

    static Filter pr(String path) {
        return new Filter.Present(path(path));
    }

    static Filter and(Filter left, Filter right) {
        return new Filter.And(left, right);
    }

    static Filter or(Filter left, Filter right) {
        return new Filter.Or(left, right);
    }

    static Filter not(Filter inner) {
        return new Filter.Not(inner);
    }

    static Filter has(String attribute, Filter inner) {
        return new Filter.ValuePath(path(attribute), inner);
    }
}
