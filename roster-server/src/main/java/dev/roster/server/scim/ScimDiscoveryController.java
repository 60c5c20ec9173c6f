package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import dev.roster.scim.discovery.DiscoveryDocuments;
import dev.roster.scim.discovery.ServiceProviderSettings;
import dev.roster.scim.schema.ResourceSchema;
import dev.roster.scim.schema.Schema;
import dev.roster.server.attribute.UserSchemas;
import dev.roster.server.config.PublicUrl;
import dev.roster.server.config.RosterProperties;
import dev.roster.server.group.GroupService;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Service provider configuration, resource types and schemas (RFC 7644 §4): exactly what is implemented. */
@ScimApi
@RestController
class ScimDiscoveryController {

    private final PublicUrl publicUrl;
    private final UserSchemas userSchemas;
    private final ResourceSchema groupSchema;
    private final ServiceProviderSettings settings;

    ScimDiscoveryController(PublicUrl publicUrl, UserSchemas schemas, GroupService groups,
                            RosterProperties properties, ScimRequestBodies bodies) {
        this.publicUrl = publicUrl;
        this.userSchemas = schemas;
        this.groupSchema = groups.schema();
        RosterProperties.Scim scim = properties.scim();
        this.settings = new ServiceProviderSettings(scim.maxPageSize(), bodies.maxBytes(), 0, true, true, true,
                false, true, false, null,
                new ServiceProviderSettings.Pagination(true, true, ServiceProviderSettings.PaginationMethod.INDEX,
                        scim.defaultPageSize(), scim.maxPageSize(), scim.cursorTimeout()));
    }

    @GetMapping({"/scim/v2/{directoryId}/ServiceProviderConfig", "/scim/v2/ServiceProviderConfig"})
    ResponseEntity<JsonNode> serviceProviderConfig(HttpServletRequest request) {
        return ok(DiscoveryDocuments.serviceProviderConfig(settings, baseUrl(request)));
    }

    @GetMapping({"/scim/v2/{directoryId}/ResourceTypes", "/scim/v2/ResourceTypes"})
    ResponseEntity<JsonNode> resourceTypes(HttpServletRequest request) {
        String base = baseUrl(request);
        return ok(DiscoveryDocuments.listResponse(
                typesOf(request).stream().map(type -> DiscoveryDocuments.resourceType(type, base)).toList()));
    }

    @GetMapping({"/scim/v2/{directoryId}/ResourceTypes/{name}", "/scim/v2/ResourceTypes/{name}"})
    ResponseEntity<JsonNode> resourceType(HttpServletRequest request, @PathVariable String name) {
        ResourceSchema type = typesOf(request).stream().filter(t -> t.resourceType().equals(name)).findFirst()
                .orElseThrow(() -> ScimException.notFound("no resource type '" + name + "'"));
        return ok(DiscoveryDocuments.resourceType(type, baseUrl(request)));
    }

    @GetMapping({"/scim/v2/{directoryId}/Schemas", "/scim/v2/Schemas"})
    ResponseEntity<JsonNode> schemas(HttpServletRequest request) {
        String base = baseUrl(request);
        return ok(DiscoveryDocuments.listResponse(
                schemasOf(request).stream().map(schema -> DiscoveryDocuments.schema(schema, base)).toList()));
    }

    @GetMapping({"/scim/v2/{directoryId}/Schemas/{id}", "/scim/v2/Schemas/{id}"})
    ResponseEntity<JsonNode> schema(HttpServletRequest request, @PathVariable String id) {
        Schema schema = schemasOf(request).stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> ScimException.notFound("no schema '" + id + "'"));
        return ok(DiscoveryDocuments.schema(schema, baseUrl(request)));
    }

    /** The User type of the directory's organization, with its custom attributes, and the Group type. */
    private List<ResourceSchema> typesOf(HttpServletRequest request) {
        String organizationId = ScimAuthenticationFilter.directoryOf(request).organizationId();
        return List.of(userSchemas.forOrganization(organizationId).schema(), groupSchema);
    }

    private List<Schema> schemasOf(HttpServletRequest request) {
        List<Schema> schemas = new ArrayList<>();
        for (ResourceSchema type : typesOf(request)) {
            schemas.add(type.core());
            schemas.addAll(type.extensions());
        }
        return schemas;
    }

    private String baseUrl(HttpServletRequest request) {
        return publicUrl.scimBaseUrl(ScimAuthenticationFilter.directoryOf(request).directoryId());
    }

    private static ResponseEntity<JsonNode> ok(ObjectNode body) {
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
    }
}
