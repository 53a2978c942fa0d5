package com.novabilling.app.web;

import com.novabilling.app.tenancy.RequestOrigin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
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

    public static String currentRequestId(HttpServletRequest request) {
        Object id = request.getAttribute(ATTRIBUTE);
        return id == null ? null : id.toString();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = "req_" + UUID.randomUUID().toString().replace("-", "");
        String correlation = request.getHeader("X-Correlation-Id");
        String correlationId = correlation != null && SAFE_ID.matcher(correlation).matches() ? correlation : requestId;
        request.setAttribute(ATTRIBUTE, requestId);
        response.setHeader("X-Request-Id", requestId);
        RequestOrigin.set(new RequestOrigin("anonymous", null, requestId, correlationId));
        MDC.put("requestId", requestId);
        try {
            chain.doFilter(request, response);
        } finally {
            RequestOrigin.clear();
            MDC.remove("requestId");
        }
    }
}
