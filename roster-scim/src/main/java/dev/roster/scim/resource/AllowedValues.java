package dev.roster.scim.resource;

import dev.roster.scim.ScimException;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.DateTimes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Checks a value of an attribute {@linkplain AttributeDefinition#restrictedToCanonicalValues() restricted to its
 * canonical values}. Values compare by meaning: 1 and 1.0 are one number, two offsets of one instant one dateTime,
 * strings ignore case unless caseExact. A matching string or dateTime takes the defined spelling.
 */
final class AllowedValues {

    private static final int LISTED_IN_ERRORS = 25;

    private AllowedValues() {
    }

    static JsonNode match(AttributeDefinition definition, JsonNode value, String path) {
        for (String allowed : definition.canonicalValues()) {
            if (sameValue(definition, allowed, value)) {
                return value.isString() ? JsonNodeFactory.instance.stringNode(allowed) : value;
            }
        }
        throw ScimException.invalidValue("attribute '" + path + "' must be one of " + listed(definition)
                + ", got " + value);
    }

    private static boolean sameValue(AttributeDefinition definition, String allowed, JsonNode value) {
        return switch (definition.type()) {
            case INTEGER, DECIMAL -> new BigDecimal(allowed).compareTo(value.decimalValue()) == 0;
            case DATE_TIME -> {
                Instant allowedInstant = DateTimes.instant(allowed);
                yield allowedInstant != null && allowedInstant.equals(DateTimes.instant(value.stringValue()));
            }
            case BOOLEAN, COMPLEX -> false;
            case STRING, REFERENCE, BINARY -> definition.caseExact() ? allowed.equals(value.stringValue())
                    : allowed.equalsIgnoreCase(value.stringValue());
        };
    }

    private static String listed(AttributeDefinition definition) {
        List<String> values = definition.canonicalValues();
        boolean quoted = switch (definition.type()) {
            case INTEGER, DECIMAL, BOOLEAN -> false;
            default -> true;
        };
        String shown = values.stream().limit(LISTED_IN_ERRORS).map(v -> quoted ? "\"" + v + "\"" : v)
                .collect(Collectors.joining(", "));
        return values.size() > LISTED_IN_ERRORS
                ? shown + " (and " + (values.size() - LISTED_IN_ERRORS) + " more)" : shown;
    }
}
