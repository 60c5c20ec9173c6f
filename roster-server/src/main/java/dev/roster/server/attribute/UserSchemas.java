package dev.roster.server.attribute;

import dev.roster.scim.filter.Filter;
import dev.roster.scim.schema.CoreSchemas;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** The SCIM User schema each request of an organization is checked against. */
@Component
public class UserSchemas {

    private final UserSchema core = UserSchema.of(CoreSchemas.user());

    /** The organization's whole User schema, with every attribute it defines, as discovery shows it. */
    public UserSchema forOrganization(String organizationId) {
        return core;
    }

    /** The schema for a write of {@code body} to a user stored as {@code storedDocument} (null when new). */
    public UserSchema forWrite(String organizationId, JsonNode body, String storedDocument) {
        return core;
    }

    /** The schema a search's filter (null: none) is checked and evaluated against. */
    public UserSchema forFilter(String organizationId, Filter filter) {
        return core;
    }

    /** The schema of a response shaped by {@code attributes}/{@code excludedAttributes} (each may be null). */
    public UserSchema forProjection(String organizationId, String attributes, String excludedAttributes) {
        return core;
    }
}
