package dev.roster.server.scim;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.projection.AttributeProjection;
import dev.roster.server.group.GroupPage;
import dev.roster.server.group.GroupResource;
import dev.roster.server.group.GroupService;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes groups as SCIM JSON with their members streamed from the database row by row, so that a group of
 * 100,000 members is never held in memory: the response goes out in chunks while the rows are read.
 */
@Component
class ScimGroupWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final GroupService groups;

    ScimGroupWriter(GroupService groups) {
        this.groups = groups;
    }

    void resource(HttpServletResponse response, int status, GroupResource group, AttributeProjection projection)
            throws IOException {
        start(response, status);
        try (JsonGenerator json = JSON.createGenerator(response.getOutputStream())) {
            write(json, group, projection, MemberFields.of(projection));
        }
    }

    /** A ListResponse (RFC 7644 §3.4.2) of one page of groups; a cursor page (RFC 9865) has no startIndex. */
    void list(HttpServletResponse response, GroupPage page, boolean cursorPagination, AttributeProjection projection)
            throws IOException {
        start(response, HttpServletResponse.SC_OK);
        MemberFields memberFields = MemberFields.of(projection);
        try (JsonGenerator json = JSON.createGenerator(response.getOutputStream())) {
            json.writeStartObject();
            json.writeArrayPropertyStart("schemas");
            json.writeString(ScimConstants.LIST_RESPONSE_SCHEMA);
            json.writeEndArray();
            json.writeNumberProperty("totalResults", page.totalResults());
            json.writeNumberProperty("itemsPerPage", page.resources().size());
            if (!cursorPagination) {
                json.writeNumberProperty("startIndex", page.startIndex());
            } else if (page.nextCursor() != null) {
                json.writeStringProperty("nextCursor", page.nextCursor());
            }
            json.writeArrayPropertyStart("Resources");
            for (GroupResource group : page.resources()) {
                write(json, group, projection, memberFields);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static void start(HttpServletResponse response, int status) {
        response.setStatus(status);
        response.setContentType(ScimConstants.MEDIA_TYPE);
    }

    private void write(JsonGenerator json, GroupResource group, AttributeProjection projection,
                       MemberFields memberFields) {
        json.writeStartObject();
        for (Map.Entry<String, JsonNode> attribute : projection.apply(group.tree()).properties()) {
            json.writeName(attribute.getKey());
            json.writeTree(attribute.getValue());
        }
        if (memberFields.any()) {
            writeMembers(json, group, memberFields);
        }
        json.writeEndObject();
    }

    /** An attribute without values is left out (RFC 7643 §2.5), so the array opens with the first member. */
    private void writeMembers(JsonGenerator json, GroupResource group, MemberFields fields) {
        boolean[] opened = {false};
        String usersUrl = group.scimBaseUrl() + "/Users/";
        groups.forEachMember(group.id(), member -> {
            if (!opened[0]) {
                json.writeArrayPropertyStart("members");
                opened[0] = true;
            }
            json.writeStartObject();
            if (fields.value()) {
                json.writeStringProperty("value", member.userId());
            }
            if (fields.ref()) {
                json.writeStringProperty("$ref", usersUrl + member.userId());
            }
            if (fields.type()) {
                json.writeStringProperty("type", "User");
            }
            if (fields.display()) {
                json.writeStringProperty("display", member.userName());
            }
            json.writeEndObject();
        });
        if (opened[0]) {
            json.writeEndArray();
        }
    }

    /** Which sub-attributes of {@code members} the request's attributes/excludedAttributes return. */
    private record MemberFields(boolean value, boolean ref, boolean type, boolean display) {

        static MemberFields of(AttributeProjection projection) {
            if (!projection.includes("members")) {
                return new MemberFields(false, false, false, false);
            }
            return new MemberFields(projection.includes("members.value"), projection.includes("members.$ref"),
                    projection.includes("members.type"), projection.includes("members.display"));
        }

        boolean any() {
            return value || ref || type || display;
        }
    }
}
