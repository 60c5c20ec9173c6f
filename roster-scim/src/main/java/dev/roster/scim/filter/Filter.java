package dev.roster.scim.filter;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The SCIM filter AST (RFC 7644 §3.4.2.2): one record per construct, so evaluators and translators are
 * exhaustive switches. {@code toString()} prints a filter that parses back to an equal AST.
 */
public sealed interface Filter {

    /** {@code path op value}; the value is a JSON string, number, boolean or null. */
    record Comparison(AttributePath path, ComparisonOperator operator, JsonNode value) implements Filter {
        public Comparison {
            Objects.requireNonNull(path);
            Objects.requireNonNull(operator);
            Objects.requireNonNull(value);
        }

        @Override
        public String toString() {
            return path + " " + operator.keyword() + " " + value;
        }
    }

    /** {@code path pr}. */
    record Present(AttributePath path) implements Filter {
        @Override
        public String toString() {
            return path + " pr";
        }
    }

    record And(Filter left, Filter right) implements Filter {
        @Override
        public String toString() {
            return "(" + left + " and " + right + ")";
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        @Override
        public String toString() {
            return "(" + left + " or " + right + ")";
        }
    }

    record Not(Filter inner) implements Filter {
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
        @Override
        public String toString() {
            return attribute + "[" + filter + "]";
        }
    }
}
