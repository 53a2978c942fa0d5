package com.novabilling.app.security;

import java.util.Set;

/**
 * Which credential a route takes: none, a tenant user's JWT, or an API key. {@code /api/public/} routes carry their
 * own proof instead (signed invoice PDF links).
 */
public enum RouteAccess {
    PUBLIC, JWT, API_KEY;

    private static final Set<String> PUBLIC_AUTH = Set.of("/api/auth/register", "/api/auth/login", "/api/auth/refresh",
            "/api/auth/forgot-password", "/api/auth/reset-password");

    public static RouteAccess of(String path) {
        if (PUBLIC_AUTH.contains(path) || path.equals("/health") || path.equals("/api/health")
                || path.startsWith("/actuator/") || path.equals("/api/openapi.json") || path.startsWith("/api/openapi.json/")
                || path.startsWith("/api/reference") || path.startsWith("/api/swagger-ui") || path.startsWith("/swagger-ui") || path.startsWith("/v3/api-docs")
                || path.startsWith("/api/webhooks/") || path.startsWith("/api/public/") || !path.startsWith("/api/")) {
            return PUBLIC;
        }
        if (path.startsWith("/api/auth/") || path.startsWith("/api/tenants/") || path.equals("/api/tenants")
                || path.startsWith("/api/admin/") || path.equals("/api/admin")) {
            return JWT;
        }
        return API_KEY;
    }
}
