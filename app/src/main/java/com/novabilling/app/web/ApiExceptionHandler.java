package com.novabilling.app.web;

import com.novabilling.api.error.Causes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.InvalidAmountException;
import com.novabilling.app.auth.AuthenticationFailedException;
import com.novabilling.app.axon.ProjectionFailedException;
import com.novabilling.app.invoice.document.InvoiceEmailFailedException;
import com.novabilling.app.tenancy.TenantProvisioningException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Maps every failure to the one error body. Handler exceptions can arrive wrapped (Axon's command and query
 * buses, CompletableFuture), so the cause chain is searched for the exception that says what went wrong.
 * Anything unknown is a 500 without internals; bad input never is.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final Clock clock;

    public ApiExceptionHandler(Clock clock) {
        this.clock = clock;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ApiError> constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return respond(HttpStatus.BAD_REQUEST, summary(errors), errors, request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        BodySizeLimitFilter.PayloadTooLargeException tooLarge = find(e, BodySizeLimitFilter.PayloadTooLargeException.class);
        if (tooLarge != null) {
            return respond(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage(), List.of(), request);
        }
        ValidationException validation = find(e, ValidationException.class);
        if (validation != null) {
            return respond(HttpStatus.BAD_REQUEST, validation.getMessage(), validation.errors(), request);
        }
        JsonMappingException mapping = find(e, JsonMappingException.class);
        if (mapping != null && !mapping.getPath().isEmpty()) {
            String field = JsonPaths.of(mapping.getPath());
            String message = describe(mapping);
            return respond(HttpStatus.BAD_REQUEST, field + ": " + message, List.of(new FieldError(field, message)), request);
        }
        if (find(e, StreamConstraintsException.class) != null) {
            return respond(HttpStatus.BAD_REQUEST, "The JSON body is too large or too deeply nested", List.of(), request);
        }
        if (mapping instanceof MismatchedInputException && mapping.getPath().isEmpty()
                && mapping.getMessage() != null && mapping.getMessage().startsWith("Trailing token")) {
            return respond(HttpStatus.BAD_REQUEST, "Malformed JSON request body: content follows the JSON value", List.of(), request);
        }
        if (find(e, JsonProcessingException.class) != null) {
            return respond(HttpStatus.BAD_REQUEST, "Malformed JSON request body", List.of(), request);
        }
        return respond(HttpStatus.BAD_REQUEST, "Request body is missing or unreadable", List.of(), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        String message = "must be a valid " + (e.getRequiredType() == null ? "value" : e.getRequiredType().getSimpleName());
        return respond(HttpStatus.BAD_REQUEST, e.getName() + ": " + message, List.of(new FieldError(e.getName(), message)), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return respond(HttpStatus.BAD_REQUEST, e.getParameterName() + ": is required",
                List.of(new FieldError(e.getParameterName(), "is required")), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "Method " + e.getMethod() + " is not supported here", List.of(), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content type must be application/json", List.of(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> noRoute(NoResourceFoundException e, HttpServletRequest request) {
        return respond(HttpStatus.NOT_FOUND, "No route " + request.getMethod() + " " + request.getRequestURI(), List.of(), request);
    }

    @ExceptionHandler(TenantProvisioningException.class)
    ResponseEntity<ApiError> provisioningFailed(TenantProvisioningException e, HttpServletRequest request) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(TenantProvisioningException.RETRY_AFTER_SECONDS))
                .body(ApiError.of(status, e.getMessage(), List.of(), request.getRequestURI(), RequestIdFilter.currentRequestId(request), clock.instant()));
    }

    /** The write is stored, but a projection dead-lettered it: 202, so the client neither retries nor reads a 404. */
    @ExceptionHandler(ProjectionFailedException.class)
    ResponseEntity<ApiError> projectionFailed(ProjectionFailedException e, HttpServletRequest request) {
        return respond(HttpStatus.ACCEPTED, e.getMessage(), List.of(), request);
    }

    /**
     * The tenant's SMTP server did not take an invoice e-mail: 502 with its reply. The caller has recorded the
     * failed attempt on the invoice; nothing else changed, so the client may retry.
     */
    @ExceptionHandler(InvoiceEmailFailedException.class)
    ResponseEntity<ApiError> invoiceEmailFailed(InvoiceEmailFailedException e, HttpServletRequest request) {
        log.warn("502 {} {}: the tenant's SMTP server did not take the invoice e-mail: {}", request.getMethod(),
                request.getRequestURI(), e.getMessage());
        return respond(HttpStatus.BAD_GATEWAY, "The invoice e-mail was not sent: " + e.getMessage(), List.of(), request);
    }

    @ExceptionHandler(Throwable.class)
    ResponseEntity<ApiError> anything(Throwable e, HttpServletRequest request) {
        InvoiceEmailFailedException emailFailed = find(e, InvoiceEmailFailedException.class);
        if (emailFailed != null) {
            return invoiceEmailFailed(emailFailed, request);
        }
        AuthenticationFailedException unauthenticated = find(e, AuthenticationFailedException.class);
        if (unauthenticated != null) {
            return respond(HttpStatus.UNAUTHORIZED, unauthenticated.getMessage(), List.of(), request);
        }
        NotFoundException notFound = find(e, NotFoundException.class);
        if (notFound != null) {
            return respond(HttpStatus.NOT_FOUND, notFound.getMessage(), List.of(), request);
        }
        AggregateNotFoundException missingAggregate = find(e, AggregateNotFoundException.class);
        if (missingAggregate != null) {
            return respond(HttpStatus.NOT_FOUND, "Resource with id '" + missingAggregate.getAggregateIdentifier() + "' not found", List.of(), request);
        }
        ValidationException validation = find(e, ValidationException.class);
        if (validation != null) {
            return respond(HttpStatus.BAD_REQUEST, validation.getMessage(), validation.errors(), request);
        }
        InvalidAmountException amount = find(e, InvalidAmountException.class);
        if (amount != null) {
            return respond(HttpStatus.BAD_REQUEST, amount.getMessage(), List.of(new FieldError("amount", amount.getMessage())), request);
        }
        ConflictException conflict = find(e, ConflictException.class);
        if (conflict != null) {
            List<FieldError> errors = conflict.field() == null ? List.of() : List.of(new FieldError(conflict.field(), conflict.getMessage()));
            return respond(HttpStatus.CONFLICT, conflict.getMessage(), errors, request);
        }
        if (find(e, ConcurrencyException.class) != null || find(e, DuplicateKeyException.class) != null
                || isUniqueViolation(e)) {
            return respond(HttpStatus.CONFLICT, "The request conflicts with a concurrent change or an existing resource; retry with fresh data", List.of(), request);
        }
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return unavailable(DatabaseUnavailable.MESSAGE, request);
        }
        if (find(e, EventStoreException.class) != null) {
            log.error("event store failure on {} {}", request.getMethod(), request.getRequestURI(), e);
            return unavailable("The event store is unavailable; retry later", request);
        }
        log.error("unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", List.of(), request);
    }

    private ResponseEntity<ApiError> unavailable(String message, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS)
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, message, List.of(), request.getRequestURI(),
                        RequestIdFilter.currentRequestId(request), clock.instant()));
    }

    private static boolean isUniqueViolation(Throwable e) {
        return Causes.of(e).anyMatch(t -> t instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }

    static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return Causes.find(e, type).orElse(null);
    }

    /** The problem with one field, in our words: a library's own message never reaches the client. */
    private static String describe(JsonMappingException e) {
        if (e instanceof RejectedJsonValue rejected) {
            return rejected.reason();
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (find(e, InputCoercionException.class) != null) {
            return "is out of range";
        }
        if (find(e, StreamConstraintsException.class) != null) {
            return "is too large or too deeply nested";
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return "must be " + typeName(m.getTargetType());
        }
        return "is invalid";
    }

    private static String typeName(Class<?> type) {
        if (type == null) return "a valid value";
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class) return "a number";
        if (type == Boolean.class || type == boolean.class) return "true or false";
        if (type == String.class) return "a string";
        if (java.util.Map.class.isAssignableFrom(type)) return "a JSON object";
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) return "a JSON array";
        if (type.isEnum()) return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        if (type == java.time.Instant.class || type == java.time.OffsetDateTime.class) return "an ISO-8601 date-time such as 2026-03-01T00:00:00Z";
        return "a valid " + type.getSimpleName();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "Validation failed";
        }
        return errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
    }

    private ResponseEntity<ApiError> respond(HttpStatus status, String message, List<FieldError> errors,
                                                    HttpServletRequest request) {
        if (status.is4xxClientError() && log.isInfoEnabled()) {
            log.info("{} {} {}: {}", status.value(), request.getMethod(), request.getRequestURI(),
                    message.length() > 200 ? message.substring(0, 200) + "…" : message);
        }
        // JSON whatever the request accepts (a PDF route's error is still the one error body, not a 406)
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(status, message, errors, request.getRequestURI(), RequestIdFilter.currentRequestId(request), clock.instant()));
    }
}
