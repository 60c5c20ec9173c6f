package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import tools.jackson.databind.JsonNode;

/** Maps errors of SCIM controllers to SCIM error responses; anything unexpected is a logged 500. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = ScimApi.class)
class ScimExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExceptionHandler.class);

    @ExceptionHandler(ScimException.class)
    ResponseEntity<JsonNode> scimException(ScimException e) {
        return ScimErrors.response(e);
    }

    @ExceptionHandler(org.springframework.web.ErrorResponse.class)
    ResponseEntity<JsonNode> frameworkError(Exception e) {
        org.springframework.web.ErrorResponse error = (org.springframework.web.ErrorResponse) e;
        int status = error.getStatusCode().value();
        String detail = error.getBody().getDetail() == null ? "the request cannot be served"
                : error.getBody().getDetail();
        return ScimErrors.response(new ScimException(status, status == 400 ? "invalidSyntax" : null, detail));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<JsonNode> unexpected(Exception e) {
        log.error("SCIM request failed", e);
        return ScimErrors.response(new ScimException(500, null, "internal error; the change was not applied"));
    }
}
