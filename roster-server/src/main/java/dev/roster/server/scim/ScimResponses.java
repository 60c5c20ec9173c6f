package dev.roster.server.scim;

import dev.roster.scim.ScimConstants;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes successful SCIM responses straight to the servlet response, with a {@code Content-Length}. Going
 * through Spring MVC's return-value handling instead (content negotiation, converter selection, header
 * copying) was a fifth of the server's CPU per lookup; SCIM has one media type, so there is nothing to
 * negotiate.
 */
final class ScimResponses {

    private static final JsonMapper JSON = JsonMapper.shared();

    private ScimResponses() {
    }

    /** A resource or a list response. */
    static void json(HttpServletResponse response, int status, JsonNode body) throws IOException {
        write(response, status, JSON.writeValueAsBytes(body));
    }

    /** A resource whose JSON text is already at hand: it is sent as it is. */
    static void json(HttpServletResponse response, int status, String body) throws IOException {
        write(response, status, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Sets the resource's version as its weak ETag (RFC 7644 §3.14). */
    static void eTag(HttpServletResponse response, long version) {
        response.setHeader("ETag", ETags.of(version));
    }

    static void location(HttpServletResponse response, String location) {
        response.setHeader("Location", location);
    }

    /**
     * Answers 304 with the ETag when the request's If-None-Match names {@code version} (RFC 7644 §3.14);
     * true if it did, and the caller writes nothing more.
     */
    static boolean notModified(HttpServletRequest request, HttpServletResponse response, long version) {
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch == null || !ETags.matchesAny(ifNoneMatch, version)) {
            return false;
        }
        eTag(response, version);
        empty(response, HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    /** A status without a body: 204 after a write, 304 for a matching If-None-Match. */
    static void empty(HttpServletResponse response, int status) {
        response.setStatus(status);
    }

    private static void write(HttpServletResponse response, int status, byte[] body) throws IOException {
        response.setStatus(status);
        response.setContentType(ScimConstants.MEDIA_TYPE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
