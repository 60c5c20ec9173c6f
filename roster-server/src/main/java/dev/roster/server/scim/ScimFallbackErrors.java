package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors that no capability's own handler took, such as an unknown path or a wrong method: SCIM error
 * bodies under {@code /scim}, RFC 9457 problem details elsewhere. Ordered before Spring Boot's problem
 * details handler, which would answer SCIM clients in the wrong format.
 */
@Order(-1)
@RestControllerAdvice
class ScimFallbackErrors {

    private static final Logger log = LoggerFactory.getLogger(ScimFallbackErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unhandled(Exception e, HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/scim/")) {
            return ScimErrors.response(ScimErrors.fromFramework(e));
        }
        if (e instanceof ErrorResponse error) {
            return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(error.getBody());
        }
        log.error("request to {} failed", request.getRequestURI(), e);
        return ResponseEntity.internalServerError().body(ProblemDetail.forStatus(500));
    }
}
