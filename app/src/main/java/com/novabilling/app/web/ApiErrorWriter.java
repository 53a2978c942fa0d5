package com.novabilling.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.error.FieldError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

/** Writes {@link ApiError} bodies from servlet filters, which run before Spring MVC's exception handling. */
@Component
public class ApiErrorWriter {

    private final ObjectMapper objectMapper;
    private final Clock clock;

    public ApiErrorWriter(ObjectMapper objectMapper, Clock clock) {
        this.objectMapper = objectMapper;
        this.clock = clock;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message,
                      List<FieldError> errors) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        objectMapper.writeValue(response.getOutputStream(),
                ApiError.of(status, message, errors, request.getRequestURI(), RequestIdFilter.currentRequestId(request), clock.instant()));
    }
}
