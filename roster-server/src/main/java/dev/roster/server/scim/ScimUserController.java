package dev.roster.server.scim;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.projection.AttributeProjection;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.user.UserPage;
import dev.roster.server.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The SCIM /Users endpoint (RFC 7644 §3), under {@code /scim/v2/{directoryId}} and token-resolved {@code /scim/v2}. */
@ScimApi
@RestController
class ScimUserController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final UserService users;
    private final ScimRequestBodies bodies;
    private final ListParameters listParameters;

    ScimUserController(UserService users, ScimRequestBodies bodies, ListParameters listParameters) {
        this.users = users;
        this.bodies = bodies;
        this.listParameters = listParameters;
    }

    @PostMapping({"/scim/v2/{directoryId}/Users", "/scim/v2/Users"})
    ResponseEntity<JsonNode> create(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                    AuthenticatedDirectory directory, HttpServletRequest request,
                                    @RequestParam(required = false) String attributes,
                                    @RequestParam(required = false) String excludedAttributes) {
        ObjectNode created = users.create(directory.directoryId(), bodies.read(request));
        return resource(HttpStatus.CREATED, created, attributes, excludedAttributes);
    }

    @GetMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    ResponseEntity<JsonNode> get(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                 AuthenticatedDirectory directory, @PathVariable String id,
                                 @RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch,
                                 @RequestParam(required = false) String attributes,
                                 @RequestParam(required = false) String excludedAttributes) {
        UserService.StoredResource stored = users.get(directory.directoryId(), id);
        if (ifNoneMatch != null && ETags.matchesAny(ifNoneMatch, stored.version())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(ETags.of(stored.version())).build();
        }
        return resource(HttpStatus.OK, stored.resource(), attributes, excludedAttributes);
    }

    @GetMapping({"/scim/v2/{directoryId}/Users", "/scim/v2/Users"})
    ResponseEntity<JsonNode> list(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                  AuthenticatedDirectory directory,
                                  @RequestParam(required = false) String filter,
                                  @RequestParam(required = false) String startIndex,
                                  @RequestParam(required = false) String count,
                                  @RequestParam(required = false) String sortBy,
                                  @RequestParam(required = false) String sortOrder,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(required = false) String attributes,
                                  @RequestParam(required = false) String excludedAttributes) {
        AttributeProjection projection = AttributeProjection.of(users.schema(), attributes, excludedAttributes);
        UserPage page = users.search(directory.directoryId(),
                listParameters.userQuery(filter, startIndex, count, sortBy, sortOrder, cursor));
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(ScimConstants.LIST_RESPONSE_SCHEMA);
        body.put("totalResults", page.totalResults());
        body.put("itemsPerPage", page.resources().size());
        if (cursor == null) {
            body.put("startIndex", page.startIndex());
        } else if (page.nextCursor() != null) {
            body.put("nextCursor", page.nextCursor());
        }
        ArrayNode resources = body.putArray("Resources");
        page.resources().forEach(resource -> resources.add(projection.apply(resource)));
        return ResponseEntity.ok().contentType(ScimErrors.SCIM_JSON).body(body);
    }

    @PutMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    ResponseEntity<JsonNode> replace(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                     AuthenticatedDirectory directory, @PathVariable String id,
                                     HttpServletRequest request,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                     @RequestParam(required = false) String attributes,
                                     @RequestParam(required = false) String excludedAttributes) {
        ObjectNode replaced = users.replace(directory.directoryId(), id, bodies.read(request), ifMatch);
        return resource(HttpStatus.OK, replaced, attributes, excludedAttributes);
    }

    @PatchMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    ResponseEntity<JsonNode> patch(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                   AuthenticatedDirectory directory, @PathVariable String id,
                                   HttpServletRequest request,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                   @RequestParam(required = false) String attributes,
                                   @RequestParam(required = false) String excludedAttributes) {
        ObjectNode patched = users.patch(directory.directoryId(), id, bodies.read(request), ifMatch);
        return resource(HttpStatus.OK, patched, attributes, excludedAttributes);
    }

    @DeleteMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    ResponseEntity<Void> delete(@RequestAttribute(ScimAuthenticationFilter.DIRECTORY_ATTRIBUTE)
                                AuthenticatedDirectory directory, @PathVariable String id,
                                @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        users.delete(directory.directoryId(), id, ifMatch);
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<JsonNode> resource(HttpStatus status, ObjectNode resource, String attributes,
                                              String excludedAttributes) {
        AttributeProjection projection = AttributeProjection.of(users.schema(), attributes, excludedAttributes);
        JsonNode meta = resource.path("meta");
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(ScimErrors.SCIM_JSON)
                .eTag(meta.path("version").asString());
        if (status == HttpStatus.CREATED) {
            builder.location(URI.create(meta.path("location").asString()));
        }
        return builder.body(projection.apply(resource));
    }
}
