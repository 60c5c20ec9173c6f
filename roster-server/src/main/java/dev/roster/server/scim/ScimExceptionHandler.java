package dev.roster.server.scim;

import dev.roster.scim.ScimException;
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

    @ExceptionHandler(ScimException.class)
    ResponseEntity<JsonNode> scimException(ScimException e) {
        return ScimErrors.response(e);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<JsonNode> otherException(Exception e) {
        return ScimErrors.response(ScimErrors.fromFramework(e));
    }
}
