package dev.roster.server.common;

import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/** Maps management API errors to RFC 9457 problem details. */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = ManagementApi.class)
class ApiExceptionHandler {

    @ExceptionHandler(ApiException.class)
    ProblemDetail apiException(ApiException e) {
        return ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidArgument(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> "'" + error.getField() + "' " + error.getDefaultMessage())
                .reduce((a, b) -> a + "; " + b)
                .orElse("the request body is invalid");
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    }

    /** A query parameter or path segment that does not convert, such as {@code ?limit=abc}. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatchedParameter(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : friendlyType(e.getRequiredType());
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "'" + e.getName() + "' must be " + expected + ", got '" + e.getValue() + "'");
    }

    /** A body that is not JSON, or not of the endpoint's shape: the detail names the field where it can. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, unreadableDetail(e));
    }

    private static String unreadableDetail(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof PropertyBindingException unknown) {
                List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
                return "unknown field '" + field(unknown) + "'; this endpoint takes " + String.join(", ", known);
            }
            if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                String expected = mismatch.getTargetType() == null ? "another type"
                        : friendlyType(mismatch.getTargetType());
                return "'" + field(mismatch) + "' has the wrong type; expected " + expected;
            }
            if (cause instanceof StreamReadException syntax) {
                return "the request body is not valid JSON: " + syntax.getOriginalMessage();
            }
        }
        return "the request body is not valid JSON of the expected shape";
    }

    /** The field's path in the body, such as {@code enum[2]} or {@code name}. */
    private static String field(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String friendlyType(Class<?> type) {
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
