package dev.roster.server.attribute;

import dev.roster.scim.schema.AttributeDefinition.Builder;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.Mutability;
import dev.roster.scim.schema.Returned;
import dev.roster.scim.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The SCIM User extension that carries an organization's custom attributes, under the URN of
 * {@code ROSTER_USER_ATTRIBUTE_SCHEMA}. The system attributes are in it too, readOnly and never returned: they
 * reserve their names, and their values belong to the management API.
 */
final class UserAttributeExtension {

    private UserAttributeExtension() {
    }

    static Schema schema(String urn, String organizationId, List<AttributeDefinition> custom) {
        List<dev.roster.scim.schema.AttributeDefinition> attributes = new ArrayList<>();
        SystemAttributes.of(organizationId).forEach(system -> attributes.add(systemAttribute(system)));
        custom.forEach(definition -> attributes.add(customAttribute(definition)));
        return new Schema(urn, "UserAttribute", "Custom attributes of the organization's users", attributes,
                "define it with POST /api/v1/organizations/" + organizationId + "/attributes, or stop sending it");
    }

    private static dev.roster.scim.schema.AttributeDefinition systemAttribute(AttributeDefinition system) {
        Builder builder = builder(system).mutability(Mutability.READ_ONLY).returned(Returned.NEVER);
        if (system.allowedValues() != null) {
            builder.canonicalValues(texts(system.allowedValues()).toArray(String[]::new));
        }
        return builder.build();
    }

    private static dev.roster.scim.schema.AttributeDefinition customAttribute(AttributeDefinition custom) {
        Builder builder = builder(custom);
        if (custom.multiValued()) {
            builder.multiValued();
        }
        if (custom.allowedValues() != null) {
            builder.allowedValues(texts(custom.allowedValues()));
        }
        return builder.build();
    }

    /** readWrite, returned by default, strings not case-exact: the defaults of RFC 7643 §2.2. */
    private static Builder builder(AttributeDefinition definition) {
        return dev.roster.scim.schema.AttributeDefinition.builder(definition.reference(), scimType(definition))
                .description(definition.description() == null ? definition.name() : definition.description());
    }

    private static AttributeType scimType(AttributeDefinition definition) {
        return switch (definition.type()) {
            case STRING -> AttributeType.STRING;
            case INTEGER -> AttributeType.INTEGER;
            case NUMBER -> AttributeType.DECIMAL;
            case BOOLEAN -> AttributeType.BOOLEAN;
            case DATE_TIME -> AttributeType.DATE_TIME;
        };
    }

    /** Strings and date-times as their text, numbers as their JSON text ({@code 42}, {@code 1.5}). */
    private static List<String> texts(List<JsonNode> values) {
        return values.stream().map(value -> value.isString() ? value.asString() : value.toString()).toList();
    }
}
