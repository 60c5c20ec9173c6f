package dev.roster.server.scim;

import dev.roster.scim.ScimConstants;
import dev.roster.scim.ScimException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The SCIM error response of RFC 7644 §3.12, built in one place for controllers and filters alike. */
public final class ScimErrors {

    public static final MediaType SCIM_JSON = MediaType.parseMediaType(ScimConstants.MEDIA_TYPE);
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Logger log = LoggerFactory.getLogger(ScimErrors.class);

    private ScimErrors() {
    }

    /**
     * A framework exception (unknown path, wrong method, ...) as a SCIM error; anything else is a bug, logged
     * and reported as a 500 that promises nothing was applied (every write is a single transaction).
     */
    public static ScimException fromFramework(Exception e) {
        if (e instanceof ScimException scim) {
            return scim;
        }
        if (e instanceof ErrorResponse error) {
            int status = error.getStatusCode().value();
            String detail = error.getBody().getDetail();
            return new ScimException(status, null, detail == null ? "the request cannot be served" : detail);
        }
        log.error("SCIM request failed", e);
        return new ScimException(500, null, "internal error; the change was not applied");
    }

    public static ObjectNode body(ScimException e) {
        ObjectNode body = JSON.createObjectNode();
        body.putArray("schemas").add(ScimConstants.ERROR_SCHEMA);
        body.put("status", Integer.toString(e.status()));
        if (e.scimType() != null) {
            body.put("scimType", e.scimType());
        }
        body.put("detail", e.detail());
        return body;
    }

    public static ResponseEntity<JsonNode> response(ScimException e) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(e.status()).contentType(SCIM_JSON);
        if (e.status() == 401) {
            builder.header("WWW-Authenticate", "Bearer realm=\"roster-scim\"");
        }
        return builder.body(body(e));
    }

    public static void write(HttpServletResponse response, ScimException e) throws IOException {
        response.setStatus(e.status());
        response.setContentType(ScimConstants.MEDIA_TYPE);
        if (e.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"roster-scim\"");
        }
        response.getOutputStream().write(JSON.writeValueAsBytes(body(e)));
    }
}
