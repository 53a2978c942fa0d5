package com.novabilling.app.web;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/**
 * Errors the servlet container forwards to {@code /error} ({@code sendError} outside Spring MVC's exception
 * handling) answer in the API's one error body, not Spring Boot's default one.
 */
@RestController
@Unprefixed
@Hidden
public class ServletErrorController implements ErrorController {

    private final Clock clock;

    public ServletErrorController(Clock clock) {
        this.clock = clock;
    }

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status.value() < 400) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String message = switch (status) {
            case NOT_FOUND -> "No such route";
            case PAYLOAD_TOO_LARGE -> "Request body too large";
            case INTERNAL_SERVER_ERROR -> "Internal server error";
            default -> status.getReasonPhrase();
        };
        return ResponseEntity.status(status).body(ApiError.of(status, message, List.of(),
                uri == null ? null : uri.toString(), RequestIdFilter.currentRequestId(request), clock.instant()));
    }
}
