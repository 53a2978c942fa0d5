package com.novabilling.app.web;

import com.novabilling.app.tenancy.RequestOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id (echoed as {@code X-Request-Id}) and a correlation id (taken from
 * {@code X-Correlation-Id} when the caller sends a sane one), both of which end up in every event's metadata.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final HexFormat HEX = HexFormat.of();
    private static final Logger log = LoggerFactory.getLogger(RequestIdFilter.class);

    private final ApiErrorWriter errors;

    public RequestIdFilter(ApiErrorWriter errors) {
        this.errors = errors;
    }

    /** {@code req_} and 32 hex digits: unique enough to find a request in the logs (not a secret). */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
    }

    public static String currentRequestId(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = newRequestId();
        String correlation = request.getHeader("X-Correlation-Id");
        String correlationId = correlation != null && SAFE_ID.matcher(correlation).matches() ? correlation : requestId;
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader("X-Request-Id", requestId);
        RequestOrigin.set(new RequestOrigin("anonymous", null, requestId, correlationId));
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            // Failures in the filters after this one (authentication and rate limiting read the control database)
            // never reach Spring MVC's exception handling.
            if (response.isCommitted()) {
                throw e;
            }
            response.reset();
            response.setHeader("X-Request-Id", requestId);
            if (DatabaseUnavailable.causedBy(e)) {
                log.warn("database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                response.setHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
                errors.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE, List.of());
            } else {
                log.error("unhandled failure on {} {}", request.getMethod(), request.getRequestURI(), e);
                errors.write(request, response, HttpStatus.INTERNAL_SERVER_ERROR, "Internal server error", List.of());
            }
        } finally {
            RequestOrigin.clear();
            MDC.remove("requestId");
        }
    }
}
