package dev.roster.server.scim;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.projection.AttributeProjection;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.user.UserPage;
import dev.roster.server.user.UserResource;
import dev.roster.server.user.UserService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.util.RawValue;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SCIM /Users endpoint (RFC 7644 §3), under {@code /scim/v2/{directoryId}} and token-resolved
 * {@code /scim/v2}. Query parameters and headers are read from the request directly: this is the hottest
 * path of the service, and per-parameter argument resolution showed up in its profile.
 */
@ScimApi
@RestController
class ScimUserController {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final UserService users;
    private final ScimRequestBodies bodies;
    private final ListParameters listParameters;

    ScimUserController(UserService users, ScimRequestBodies bodies, ListParameters listParameters) {
        this.users = users;
        this.bodies = bodies;
        this.listParameters = listParameters;
    }

    @PostMapping({"/scim/v2/{directoryId}/Users", "/scim/v2/Users"})
    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserResource created = users.create(directory(request), bodies.read(request));
        ScimResponses.location(response, created.location());
        resource(HttpServletResponse.SC_CREATED, created, request, response);
    }

    @GetMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        UserResource user = users.get(directory(request), id);
        if (ScimResponses.notModified(request, response, user.version())) {
            return;
        }
        resource(HttpServletResponse.SC_OK, user, request, response);
    }

    @GetMapping({"/scim/v2/{directoryId}/Users", "/scim/v2/Users"})
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttributeProjection projection = projection(request);
        String cursor = request.getParameter("cursor");
        UserPage page = users.search(directory(request), listParameters.userQuery(request.getParameter("filter"),
                request.getParameter("startIndex"), request.getParameter("count"), request.getParameter("sortBy"),
                request.getParameter("sortOrder"), cursor));
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
        page.resources().forEach(resource -> resources.add(projection.isDefault()
                ? JSON.getNodeFactory().rawValueNode(new RawValue(resource.json()))
                : projection.apply(resource.tree())));
        ScimResponses.json(response, HttpServletResponse.SC_OK, body);
    }

    @PutMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    void replace(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UserResource replaced = users.replace(directory(request), id, bodies.read(request),
                request.getHeader("If-Match"));
        resource(HttpServletResponse.SC_OK, replaced, request, response);
    }

    @PatchMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    void patch(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        UserResource patched = users.patch(directory(request), id, bodies.read(request),
                request.getHeader("If-Match"));
        resource(HttpServletResponse.SC_OK, patched, request, response);
    }

    @DeleteMapping({"/scim/v2/{directoryId}/Users/{id}", "/scim/v2/Users/{id}"})
    void delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        users.delete(directory(request), id, request.getHeader("If-Match"));
        ScimResponses.empty(response, HttpServletResponse.SC_NO_CONTENT);
    }

    /** Without attributes or excludedAttributes the stored text is written as it is: nothing to parse. */
    private void resource(int status, UserResource resource, HttpServletRequest request,
                          HttpServletResponse response) throws IOException {
        ScimResponses.eTag(response, resource.version());
        AttributeProjection projection = projection(request);
        if (projection.isDefault()) {
            ScimResponses.json(response, status, resource.json());
        } else {
            ScimResponses.json(response, status, projection.apply(resource.tree()));
        }
    }

    private AttributeProjection projection(HttpServletRequest request) {
        return users.projection(directory(request), request.getParameter("attributes"),
                request.getParameter("excludedAttributes"));
    }

    private static AuthenticatedDirectory directory(HttpServletRequest request) {
        return ScimAuthenticationFilter.directoryOf(request);
    }
}
