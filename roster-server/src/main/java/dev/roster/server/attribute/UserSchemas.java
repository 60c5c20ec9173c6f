package dev.roster.server.attribute;

import dev.roster.scim.filter.AttributePath;
import dev.roster.scim.filter.Filter;
import dev.roster.scim.patch.PatchRequest;
import dev.roster.scim.schema.CoreSchemas;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.server.config.RosterProperties;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM User schema each request of an organization is checked against: core User, the Enterprise extension
 * and the organization's custom attribute extension. The custom definitions are read only for requests that
 * mention the extension, so lookups and writes without custom values cost no query; they are read afresh each
 * time, so several instances on one database never act on a deleted or changed definition.
 */
@Component
public class UserSchemas {

    private static final UserSchema CORE = UserSchema.of(CoreSchemas.user());

    private final AttributeDefinitionRepository definitions;
    private final String extensionUrn;

    UserSchemas(AttributeDefinitionRepository definitions, RosterProperties properties) {
        this.definitions = definitions;
        this.extensionUrn = properties.userAttributeSchema();
    }

    /** The URN of the custom attribute extension ({@code ROSTER_USER_ATTRIBUTE_SCHEMA}). */
    public String extensionUrn() {
        return extensionUrn;
    }

    /** The organization's whole User schema, with every attribute it defines, as discovery shows it. */
    public UserSchema forOrganization(String organizationId) {
        return UserSchema.of(new ResourceSchema("User", "/Users", CoreSchemas.USER,
                List.of(CoreSchemas.ENTERPRISE_USER,
                        UserAttributeExtension.schema(extensionUrn, organizationId, definitions.list(organizationId))),
                CoreSchemas.COMMON_ATTRIBUTES));
    }

    /** The schema a POST or PUT of {@code body} is checked against; it replaces the whole user, stored values too. */
    public UserSchema forWrite(String organizationId, JsonNode body) {
        return mentions(body) ? forOrganization(organizationId) : CORE;
    }

    /**
     * {@code document} (left unchanged) after a PATCH whose body is {@code body}. A PATCH that does not name the
     * extension, such as Okta's deactivation, reads no definitions and keeps the stored extension object as it is:
     * its values were checked when written, and definition changes rewrite them, so a definition deleted meanwhile
     * never blocks it.
     */
    public ObjectNode patch(String organizationId, JsonNode body, ObjectNode document, PatchRequest request) {
        if (mentions(body)) {
            return forOrganization(organizationId).patchEngine().apply(document, request);
        }
        if (!document.has(extensionUrn)) {
            return CORE.patchEngine().apply(document, request);
        }
        ObjectNode withoutExtension = document.deepCopy();
        JsonNode extension = withoutExtension.remove(extensionUrn);
        ObjectNode patched = CORE.patchEngine().apply(withoutExtension, request);
        patched.set(extensionUrn, extension);
        ((ArrayNode) patched.get("schemas")).add(extensionUrn);
        return patched;
    }

    /** The schema a search's filter (null: none) is checked and evaluated against. */
    public UserSchema forFilter(String organizationId, Filter filter) {
        return filter != null && mentions(filter) ? forOrganization(organizationId) : CORE;
    }

    /**
     * The schema of a response shaped by {@code attributes}/{@code excludedAttributes} (each may be null). With
     * {@code excludedAttributes} every custom value not excluded is returned, so the extension must be known.
     */
    public UserSchema forProjection(String organizationId, String attributes, String excludedAttributes) {
        boolean excluding = excludedAttributes != null && !excludedAttributes.isBlank();
        return excluding || attributes != null && mentions(attributes) ? forOrganization(organizationId) : CORE;
    }

    /** Whether a key or string anywhere in {@code node} (schemas, PATCH paths, qualified names) names the URN. */
    private boolean mentions(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isString()) {
            return mentions(node.stringValue());
        }
        for (Map.Entry<String, JsonNode> member : node.properties()) {
            if (mentions(member.getKey()) || mentions(member.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node.values()) {
                if (mentions(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean mentions(Filter filter) {
        return switch (filter) {
            case Filter.Comparison comparison -> mentions(comparison.path());
            case Filter.Present present -> mentions(present.path());
            case Filter.And and -> mentions(and.left()) || mentions(and.right());
            case Filter.Or or -> mentions(or.left()) || mentions(or.right());
            case Filter.Not not -> mentions(not.inner());
            case Filter.ValuePath valuePath -> mentions(valuePath.attribute());
        };
    }

    private boolean mentions(AttributePath path) {
        return path.schemaUrn() != null && path.schemaUrn().equalsIgnoreCase(extensionUrn);
    }

    private boolean mentions(String text) {
        int length = extensionUrn.length();
        for (int i = 0; i + length <= text.length(); i++) {
            if (text.regionMatches(true, i, extensionUrn, 0, length)) {
                return true;
            }
        }
        return false;
    }
}
