package dev.roster.server.attribute;

import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/** The user attributes every organization has: listed beside the custom ones, never changed or deleted. */
final class SystemAttributes {

    private record SystemAttribute(String reference, String name, AttributeType type, List<String> allowedValues,
                                   String description) {
    }

    private static final List<SystemAttribute> ALL = List.of(
            new SystemAttribute("id", "ID", AttributeType.STRING, null,
                    "The user's identifier in Roster, assigned when the user is provisioned."),
            new SystemAttribute("email", "Email", AttributeType.STRING, null,
                    "The user's primary email address."),
            new SystemAttribute("name", "Name", AttributeType.STRING, null,
                    "The user's display name."),
            new SystemAttribute("role", "Role", AttributeType.STRING, List.of("member", "admin"),
                    "The user's role in the application."));

    private SystemAttributes() {
    }

    static List<AttributeDefinition> of(String organizationId) {
        return ALL.stream().map(attribute -> view(organizationId, attribute)).toList();
    }

    static Optional<AttributeDefinition> find(String organizationId, String reference) {
        return ALL.stream().filter(attribute -> attribute.reference().equals(reference)).findFirst()
                .map(attribute -> view(organizationId, attribute));
    }

    static boolean isSystem(String reference) {
        return ALL.stream().anyMatch(attribute -> attribute.reference().equals(reference));
    }

    private static AttributeDefinition view(String organizationId, SystemAttribute attribute) {
        return new AttributeDefinition(null, organizationId, attribute.reference(), attribute.name(),
                attribute.type(),
                attribute.allowedValues() == null ? null
                        : attribute.allowedValues().stream().<JsonNode>map(JsonNodeFactory.instance::stringNode)
                                .toList(),
                false, attribute.description(), true, null, null);
    }
}
