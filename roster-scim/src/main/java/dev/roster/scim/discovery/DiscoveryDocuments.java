package dev.roster.scim.discovery;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.schema.AttributeDefinition;
import dev.roster.scim.schema.AttributeType;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Schema;
import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The discovery endpoints of RFC 7644 §4: {@code /ServiceProviderConfig} (RFC 7643 §5), {@code /ResourceTypes}
 * (RFC 7643 §6) and {@code /Schemas} (RFC 7643 §7). {@code baseUrl} is the SCIM base, such as
 * {@code https://roster.example.com/scim/v2/dir_123}, with or without a trailing slash.
 */
public final class DiscoveryDocuments {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private DiscoveryDocuments() {
    }

    /**
     * The {@code /Schemas/{id}} document. Lists the schema's own attributes only: the common attributes (id,
     * externalId, meta) belong to every resource and are not part of any schema (RFC 7643 §3.1, §7).
     */
    public static ObjectNode schema(Schema schema, String baseUrl) {
        ObjectNode document = NODES.objectNode();
        document.putArray("schemas").add(ScimConstants.SCHEMA_SCHEMA);
        document.put("id", schema.id());
        document.put("name", schema.name());
        document.put("description", schema.description());
        ArrayNode attributes = document.putArray("attributes");
        schema.attributes().forEach(attribute -> attributes.add(attribute(attribute)));
        meta(document, "Schema", baseUrl, "/Schemas/" + schema.id());
        return document;
    }

    /**
     * The {@code /ResourceTypes/{name}} document; every extension is advertised as optional, since Roster
     * accepts resources without them.
     */
    public static ObjectNode resourceType(ResourceSchema resourceSchema, String baseUrl) {
        ObjectNode document = NODES.objectNode();
        document.putArray("schemas").add(ScimConstants.RESOURCE_TYPE_SCHEMA);
        document.put("id", resourceSchema.resourceType());
        document.put("name", resourceSchema.resourceType());
        document.put("endpoint", resourceSchema.endpoint());
        document.put("description", resourceSchema.core().description());
        document.put("schema", resourceSchema.core().id());
        if (!resourceSchema.extensions().isEmpty()) {
            ArrayNode extensions = document.putArray("schemaExtensions");
            for (Schema extension : resourceSchema.extensions()) {
                extensions.addObject().put("schema", extension.id()).put("required", false);
            }
        }
        meta(document, "ResourceType", baseUrl, "/ResourceTypes/" + resourceSchema.resourceType());
        return document;
    }

    /** The {@code /ServiceProviderConfig} document; the only authentication scheme is an OAuth bearer token. */
    public static ObjectNode serviceProviderConfig(ServiceProviderSettings settings, String baseUrl) {
        ObjectNode document = NODES.objectNode();
        document.putArray("schemas").add(ScimConstants.SERVICE_PROVIDER_CONFIG_SCHEMA);
        if (settings.documentationUri() != null) {
            document.put("documentationUri", settings.documentationUri());
        }
        document.putObject("patch").put("supported", settings.patchSupported());
        document.putObject("bulk")
                .put("supported", settings.bulkSupported())
                .put("maxOperations", settings.maxOperations())
                .put("maxPayloadSize", settings.maxPayloadBytes());
        document.putObject("filter")
                .put("supported", settings.filterSupported())
                .put("maxResults", settings.maxResults());
        document.putObject("changePassword").put("supported", settings.changePasswordSupported());
        document.putObject("sort").put("supported", settings.sortSupported());
        document.putObject("etag").put("supported", settings.etagSupported());
        pagination(document.putObject("pagination"), settings.pagination());
        document.putArray("authenticationSchemes").addObject()
                .put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token")
                .put("description", "A bearer token issued for one directory connection, sent in the "
                        + "Authorization header.")
                .put("specUri", "https://www.rfc-editor.org/info/rfc6750")
                .put("primary", true);
        meta(document, "ServiceProviderConfig", baseUrl, "/ServiceProviderConfig");
        return document;
    }

    /** A one-page list response (RFC 7644 §3.4.2) for {@code /Schemas} and {@code /ResourceTypes}. */
    public static ObjectNode listResponse(List<? extends JsonNode> resources) {
        ObjectNode document = NODES.objectNode();
        document.putArray("schemas").add(ScimConstants.LIST_RESPONSE_SCHEMA);
        document.put("totalResults", resources.size());
        document.put("itemsPerPage", resources.size());
        document.put("startIndex", 1);
        ArrayNode list = document.putArray("Resources");
        resources.forEach(resource -> list.add(resource.deepCopy()));
        return document;
    }

    private static ObjectNode attribute(AttributeDefinition attribute) {
        ObjectNode node = NODES.objectNode();
        node.put("name", attribute.name());
        node.put("type", attribute.type().wireName());
        node.put("multiValued", attribute.multiValued());
        node.put("description", attribute.description());
        node.put("required", attribute.required());
        node.put("caseExact", attribute.caseExact());
        node.put("mutability", attribute.mutability().wireName());
        node.put("returned", attribute.returned().wireName());
        node.put("uniqueness", attribute.uniqueness().wireName());
        if (!attribute.canonicalValues().isEmpty()) {
            ArrayNode values = node.putArray("canonicalValues");
            attribute.canonicalValues().forEach(value -> values.add(canonicalValue(attribute.type(), value)));
        }
        if (attribute.type() == AttributeType.REFERENCE) {
            ArrayNode types = node.putArray("referenceTypes");
            attribute.referenceTypes().forEach(types::add);
        }
        if (attribute.isComplex()) {
            ArrayNode subAttributes = node.putArray("subAttributes");
            attribute.subAttributes().forEach(sub -> subAttributes.add(attribute(sub)));
        }
        return node;
    }

    /** Numbers are listed as JSON numbers, everything else as strings. */
    private static JsonNode canonicalValue(AttributeType type, String value) {
        return type == AttributeType.INTEGER || type == AttributeType.DECIMAL
                ? NODES.numberNode(new BigDecimal(value)) : NODES.stringNode(value);
    }

    private static void pagination(ObjectNode node, ServiceProviderSettings.Pagination pagination) {
        node.put("cursor", pagination.cursor());
        node.put("index", pagination.index());
        node.put("defaultPaginationMethod", pagination.defaultPaginationMethod().wireName());
        node.put("defaultPageSize", pagination.defaultPageSize());
        node.put("maxPageSize", pagination.maxPageSize());
        if (pagination.cursorTimeout() != null) {
            node.put("cursorTimeout", Math.toIntExact(pagination.cursorTimeout().toSeconds()));
        }
    }

    private static void meta(ObjectNode document, String resourceType, String baseUrl, String path) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        document.putObject("meta").put("resourceType", resourceType).put("location", base + path);
    }
}
