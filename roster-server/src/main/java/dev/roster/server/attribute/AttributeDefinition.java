package dev.roster.server.attribute;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.OffsetDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A user attribute of an organization as the management API shows it. Custom attributes are defined by the
 * application; system attributes ({@code system: true}) are built in, read-only, and have no id or timestamps.
 * {@code allowedValues} (on the wire {@code enum}) is null when any value of the type is allowed.
 */
public record AttributeDefinition(String id, String organizationId, String reference, String name,
                                  AttributeType type, @JsonProperty("enum") List<JsonNode> allowedValues,
                                  boolean multiValued, String description, boolean system,
                                  OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public AttributeDefinition {
        allowedValues = allowedValues == null ? null : List.copyOf(allowedValues);
    }
}
