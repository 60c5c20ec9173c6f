package dev.roster.server.scim;

import dev.roster.scim.projection.AttributeProjection;
import dev.roster.server.directory.AuthenticatedDirectory;
import dev.roster.server.group.GroupResource;
import dev.roster.server.group.GroupService;
import dev.roster.server.user.UserQuery;
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

/**
 * The SCIM /Groups endpoint (RFC 7644 §3, RFC 7643 §4.2), under {@code /scim/v2/{directoryId}} and
 * token-resolved {@code /scim/v2}. Members are loaded only when the response returns them, so
 * {@code excludedAttributes=members} costs the same for a group of ten and of a hundred thousand.
 */
@ScimApi
@RestController
class ScimGroupController {

    private final GroupService groups;
    private final ScimGroupWriter writer;
    private final ScimRequestBodies bodies;
    private final ListParameters listParameters;

    ScimGroupController(GroupService groups, ScimGroupWriter writer, ScimRequestBodies bodies,
                        ListParameters listParameters) {
        this.groups = groups;
        this.writer = writer;
        this.bodies = bodies;
        this.listParameters = listParameters;
    }

    @PostMapping({"/scim/v2/{directoryId}/Groups", "/scim/v2/Groups"})
    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        GroupResource created = groups.create(directory(request), bodies.read(request));
        ScimResponses.location(response, created.location());
        resource(HttpServletResponse.SC_CREATED, created, projection(request), response);
    }

    @GetMapping({"/scim/v2/{directoryId}/Groups/{id}", "/scim/v2/Groups/{id}"})
    void get(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttributeProjection projection = projection(request);
        GroupResource group = groups.get(directoryId(request), id);
        if (ScimResponses.notModified(request, response, group.version())) {
            return;
        }
        resource(HttpServletResponse.SC_OK, group, projection, response);
    }

    @GetMapping({"/scim/v2/{directoryId}/Groups", "/scim/v2/Groups"})
    void list(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AttributeProjection projection = projection(request);
        UserQuery query = listParameters.userQuery(request.getParameter("filter"), request.getParameter("startIndex"),
                request.getParameter("count"), request.getParameter("sortBy"), request.getParameter("sortOrder"),
                request.getParameter("cursor"));
        writer.list(response, groups.search(directoryId(request), query), query.cursorPagination(), projection);
    }

    @PutMapping({"/scim/v2/{directoryId}/Groups/{id}", "/scim/v2/Groups/{id}"})
    void replace(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        GroupResource replaced = groups.replace(directory(request), id, bodies.read(request),
                request.getHeader("If-Match"));
        resource(HttpServletResponse.SC_OK, replaced, projection(request), response);
    }

    /**
     * 204 without a body (RFC 7644 §3.5.2 allows it; Entra asks for it), so that a member change of a huge
     * group never sends the group back; with {@code attributes} or {@code excludedAttributes}, 200 and the
     * group as asked.
     */
    @PatchMapping({"/scim/v2/{directoryId}/Groups/{id}", "/scim/v2/Groups/{id}"})
    void patch(@PathVariable String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        AttributeProjection projection = projection(request);
        boolean returnGroup = !projection.isDefault();
        GroupResource patched = groups.patch(directory(request), id, bodies.read(request),
                request.getHeader("If-Match"));
        if (!returnGroup) {
            ScimResponses.eTag(response, patched.version());
            ScimResponses.empty(response, HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        resource(HttpServletResponse.SC_OK, patched, projection, response);
    }

    @DeleteMapping({"/scim/v2/{directoryId}/Groups/{id}", "/scim/v2/Groups/{id}"})
    void delete(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
        groups.delete(directory(request), id, request.getHeader("If-Match"));
        ScimResponses.empty(response, HttpServletResponse.SC_NO_CONTENT);
    }

    private void resource(int status, GroupResource group, AttributeProjection projection,
                          HttpServletResponse response) throws IOException {
        ScimResponses.eTag(response, group.version());
        writer.resource(response, status, group, projection);
    }

    private AttributeProjection projection(HttpServletRequest request) {
        return AttributeProjection.of(groups.schema(), request.getParameter("attributes"),
                request.getParameter("excludedAttributes"));
    }

    private static String directoryId(HttpServletRequest request) {
        return directory(request).directoryId();
    }

    private static AuthenticatedDirectory directory(HttpServletRequest request) {
        return ScimAuthenticationFilter.directoryOf(request);
    }
}
