package com.novabilling.app.security;

import com.novabilling.app.tenancy.RequestOrigin;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenant.ApiKeys;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import com.novabilling.app.web.ApiErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.time.Clock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates every non-public request and binds its tenant: JWT access tokens on {@code /auth/*},
 * {@code /tenants/*} and {@code /admin/*}; API keys ({@code sk_live_…}) on all data routes. The wrong kind of
 * credential is refused with 401 saying which one the route expects.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class AuthenticationFilter extends OncePerRequestFilter {

    public static final String TENANT_ATTRIBUTE = "novabilling.tenantId";
    private static final Duration LAST_USED_GRANULARITY = Duration.ofMinutes(1);

    private final Clock clock;
    private final TenantRuntimeRegistry runtimes;
    private final ApiKeys apiKeys;
    private final TenantAccounts tenants;
    private final JwtService jwt;
    private final ApiErrorWriter errors;
    private final Map<String, Instant> lastUsedWritten = new ConcurrentHashMap<>();

    public AuthenticationFilter(ApiKeys apiKeys, TenantAccounts tenants, JwtService jwt, ApiErrorWriter errors,
                                TenantRuntimeRegistry runtimes, Clock clock) {
        this.clock = clock;
        this.runtimes = runtimes;
        this.apiKeys = apiKeys;
        this.tenants = tenants;
        this.jwt = jwt;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        RouteAccess access = RouteAccess.of(path);
        if (access == RouteAccess.PUBLIC) {
            chain.doFilter(request, response);
            return;
        }
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            reject(request, response, access == RouteAccess.JWT
                    ? "Missing credentials: this endpoint requires a JWT access token (Authorization: Bearer <accessToken>)"
                    : "Missing credentials: this endpoint requires an API key (Authorization: Bearer sk_live_...)");
            return;
        }
        String credential = header.substring(7).trim();
        boolean isApiKey = credential.startsWith(ApiKeys.PREFIX);
        Optional<Principal> principal;
        if (access == RouteAccess.JWT) {
            if (isApiKey) {
                reject(request, response, "This endpoint requires a JWT access token, not an API key; log in via /api/auth/login");
                return;
            }
            principal = fromJwt(credential);
        } else {
            if (!isApiKey) {
                reject(request, response, "This endpoint requires an API key (sk_live_...), not a JWT access token");
                return;
            }
            principal = fromApiKey(credential);
        }
        if (principal.isEmpty()) {
            reject(request, response, access == RouteAccess.JWT ? "Invalid or expired access token" : "Invalid or revoked API key");
            return;
        }
        Principal p = principal.get();
        request.setAttribute(TENANT_ATTRIBUTE, p.tenantId());
        RequestOrigin origin = RequestOrigin.current().orElse(new RequestOrigin(null, null, null, null));
        RequestOrigin.set(origin.withActor(p.actorType(), p.actorId()));
        // a data route holds the tenant's runtime for the whole request, so the idle janitor never stops it midway
        try (TenantContext.Scope ignored = TenantContext.open(p.tenantId());
             TenantRuntimeRegistry.Lease inUse = access == RouteAccess.API_KEY ? runtimes.lease(p.tenantId()) : () -> { }) {
            chain.doFilter(request, response);
        }
    }

    private Optional<Principal> fromJwt(String token) {
        return jwt.verify(token).flatMap(claims -> tenants.findById(claims.tenantId())
                .filter(TenantAccount::active)
                .filter(t -> t.sessionVersion() == claims.sessionVersion())
                .map(t -> new Principal(t.id(), "user", t.id())));
    }

    private Optional<Principal> fromApiKey(String secret) {
        return apiKeys.authenticate(secret).map(key -> {
            Instant now = clock.instant();
            Instant last = lastUsedWritten.get(key.id());
            if (last == null || last.plus(LAST_USED_GRANULARITY).isBefore(now)) {
                lastUsedWritten.put(key.id(), now);
                apiKeys.touch(key.id(), now);
            }
            return new Principal(key.tenantId(), "api_key", key.id());
        });
    }

    private void reject(HttpServletRequest request, HttpServletResponse response, String message) throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        errors.write(request, response, HttpStatus.UNAUTHORIZED, message, List.of());
    }

    private record Principal(String tenantId, String actorType, String actorId) {
    }
}
