package dev.roster.scim.filter;

import java.math.BigInteger;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The SCIM filter AST (RFC 7644 §3.4.2.2): one record per construct, so evaluators and translators are
 * exhaustive switches. {@code toString()} prints a filter that parses back to an equal AST.
 */
public sealed interface Filter {

    /**
     * {@code path op value}; the value is a JSON string, number, boolean or null. Numbers are normalised
     * (integers to the smallest integral node, fractions to a decimal without trailing zeros) so that
     * the same number compares equal however it was built or spelled.
     */
    record Comparison(AttributePath path, ComparisonOperator operator, JsonNode value) implements Filter {
        public Comparison {
            Objects.requireNonNull(path);
            Objects.requireNonNull(operator);
            value = normalise(Objects.requireNonNull(value));
        }

        @Override
        public String toString() {
            return path + " " + operator.keyword() + " " + json(value);
        }
    }

    /** {@code path pr}. */
    record Present(AttributePath path) implements Filter {
        public Present {
            Objects.requireNonNull(path);
        }

        @Override
        public String toString() {
            return path + " pr";
        }
    }

    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public String toString() {
            return group(left, left instanceof Or) + " and " + group(right, right instanceof Or || right instanceof And);
        }
    }

    /** Or binds looser than and, and both associate to the left, so only a right-hand Or needs parentheses. */
    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }

        @Override
        public String toString() {
            return left + " or " + group(right, right instanceof Or);
        }
    }

    record Not(Filter inner) implements Filter {
        public Not {
            Objects.requireNonNull(inner);
        }

        @Override
        public String toString() {
            return "not (" + inner + ")";
        }
    }

    /**
     * {@code attribute[filter]}: matches when one value of the multi-valued (or complex) attribute
     * matches the inner filter, whose paths are relative to that value.
     */
    record ValuePath(AttributePath attribute, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(attribute);
            Objects.requireNonNull(filter);
        }

        @Override
        public String toString() {
            return attribute + "[" + filter + "]";
        }
    }

    private static String group(Filter filter, boolean parenthesise) {
        return parenthesise ? "(" + filter + ")" : filter.toString();
    }

    private static JsonNode normalise(JsonNode value) {
        if (value.isString() || value.isBoolean() || value.isNull()) {
            return value;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException("a filter value is a string, number, boolean or null: " + value);
        }
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value.isIntegralNumber()) {
            BigInteger integer = value.bigIntegerValue();
            if (integer.bitLength() < Integer.SIZE) {
                return nodes.numberNode(integer.intValue());
            }
            return integer.bitLength() < Long.SIZE ? nodes.numberNode(integer.longValue()) : nodes.numberNode(integer);
        }
        if (value.isDouble() || value.isFloat()) {
            double number = value.doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new IllegalArgumentException("JSON has no " + number);
            }
        }
        return nodes.numberNode(value.decimalValue().stripTrailingZeros());
    }

    /** A value as JSON text; a decimal always shows a fraction or exponent so it parses back as a decimal. */
    private static String json(JsonNode value) {
        if (value.isString()) {
            return quote(value.stringValue());
        }
        if (value.isNumber() && !value.isIntegralNumber()) {
            String text = value.decimalValue().toString();
            return text.indexOf('.') < 0 && text.indexOf('E') < 0 ? text + ".0" : text;
        }
        if (value.isNumber()) {
            return value.bigIntegerValue().toString();
        }
        return value.isNull() ? "null" : String.valueOf(value.booleanValue());
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
