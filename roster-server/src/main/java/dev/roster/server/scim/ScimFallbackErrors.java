package dev.roster.server.scim;

import dev.roster.scim.ScimException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Errors raised before any controller is chosen (unknown path, wrong method): SCIM error bodies under
 * {@code /scim}, problem details elsewhere.
 */
@Order(Ordered.LOWEST_PRECEDENCE)
@RestControllerAdvice
class ScimFallbackErrors {

    @ExceptionHandler(ErrorResponse.class)
    ResponseEntity<?> routingError(Exception e, HttpServletRequest request) {
        ErrorResponse error = (ErrorResponse) e;
        int status = error.getStatusCode().value();
        if (request.getRequestURI().startsWith(request.getContextPath() + "/scim/")) {
            String detail = status == 404 ? "no SCIM endpoint at " + request.getRequestURI()
                    : error.getBody().getDetail();
            return ScimErrors.response(new ScimException(status, null, detail));
        }
        ProblemDetail body = error.getBody();
        return ResponseEntity.status(status).headers(error.getHeaders()).body(body);
    }
}
