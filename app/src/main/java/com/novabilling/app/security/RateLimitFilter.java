package com.novabilling.app.security;

import com.novabilling.app.tenant.TenantAccounts;
import com.novabilling.app.tenant.RequestCounter;
import com.novabilling.app.web.ApiErrorWriter;
import com.novabilling.app.web.LimitsProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-tenant rate limit (100 requests per minute unless the server or the tenant's own setting says otherwise):
 * 429 with {@code Retry-After} when the bucket is empty. Also counts the tenant's requests for its usage report.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
public class RateLimitFilter extends OncePerRequestFilter {

    private static final long LIMIT_CACHE_NANOS = Duration.ofSeconds(30).toNanos();

    private final LimitsProperties limits;
    private final TenantAccounts tenants;
    private final RequestCounter counter;
    private final ApiErrorWriter errors;
    private final Map<String, LimitedBucket> buckets = new ConcurrentHashMap<>();

    public RateLimitFilter(LimitsProperties limits, TenantAccounts tenants, RequestCounter counter, ApiErrorWriter errors) {
        this.limits = limits;
        this.tenants = tenants;
        this.counter = counter;
        this.errors = errors;
    }

    private final Map<String, CachedLimit> configuredLimits = new ConcurrentHashMap<>();

    private record LimitedBucket(int perMinute, Bucket bucket) {
    }

    private record CachedLimit(int perMinute, long fetchedAtNanos) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object tenant = request.getAttribute(AuthenticationFilter.TENANT_ATTRIBUTE);
        if (tenant == null) {
            chain.doFilter(request, response);
            return;
        }
        String tenantId = tenant.toString();
        LimitedBucket limited = bucketFor(tenantId);
        ConsumptionProbe probe = limited.bucket().tryConsumeAndReturnRemaining(1);
        response.setHeader("X-RateLimit-Limit", String.valueOf(limited.perMinute()));
        response.setHeader("X-RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            response.setHeader("Retry-After", String.valueOf(seconds));
            errors.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                    "Rate limit of " + limited.perMinute() + " requests per minute exceeded; retry after " + seconds + " s", List.of());
            return;
        }
        counter.increment(tenantId);
        chain.doFilter(request, response);
    }

    /** The tenant's own limit when an operator set one, else the server's; re-read at most every 30 s. */
    private int configuredLimit(String tenantId) {
        CachedLimit cached = configuredLimits.get(tenantId);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < LIMIT_CACHE_NANOS) {
            return cached.perMinute();
        }
        int perMinute = tenants.findById(tenantId).map(t -> t.rateLimitPerMinute()).filter(n -> n != null && n > 0)
                .orElse(limits.requestsPerMinute());
        configuredLimits.put(tenantId, new CachedLimit(perMinute, System.nanoTime()));
        return perMinute;
    }

    /** Forgets cached limits (after an operator changes one). */
    public void refreshLimits() {
        configuredLimits.clear();
    }

    private LimitedBucket bucketFor(String tenantId) {
        int perMinute = configuredLimit(tenantId);
        LimitedBucket existing = buckets.get(tenantId);
        if (existing != null && existing.perMinute() == perMinute) {
            return existing;
        }
        LimitedBucket fresh = new LimitedBucket(perMinute, Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                .build());
        buckets.put(tenantId, fresh);
        return fresh;
    }
}
