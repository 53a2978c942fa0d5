package com.novabilling.app.time;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * Tenants' test clocks ({@code NOVABILLING_TEST_CLOCK=true}, refused with a production profile): a tenant that moved
 * its clock lives at the instant it moved it to, as with Stripe's test clocks, until it moves it again. The instant is
 * kept in the control database; a node reads it again after {@value #REREAD_MILLIS} ms, so a move made on another
 * node is seen there within that time (on the node that made it, at once).
 */
@Component
public class TestClocks {

    static final long REREAD_MILLIS = 1_000;
    private static final Set<String> PRODUCTION_PROFILES = Set.of("prod", "production");

    private final boolean enabled;
    private final NamedParameterJdbcTemplate control;
    private final Cache<String, Optional<Instant>> frozen = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMillis(REREAD_MILLIS))
            .maximumSize(100_000)
            .build();

    public TestClocks(@Value("${novabilling.test-clock.enabled:false}") boolean enabled,
                      @Qualifier("control") NamedParameterJdbcTemplate control, Environment environment) {
        if (enabled && Arrays.stream(environment.getActiveProfiles()).anyMatch(PRODUCTION_PROFILES::contains)) {
            throw new IllegalStateException("NOVABILLING_TEST_CLOCK=true is refused with a production profile ("
                    + String.join(",", environment.getActiveProfiles()) + "): test clocks move tenants' time");
        }
        this.enabled = enabled;
        this.control = control;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The instant the tenant's time stands at, if it froze it. */
    public Optional<Instant> frozenAt(String tenantId) {
        if (!enabled) {
            return Optional.empty();
        }
        return frozen.get(tenantId, id -> control.query("SELECT frozen_at FROM tenant_test_clocks WHERE tenant_id = :id",
                        new MapSqlParameterSource("id", id), (rs, i) -> rs.getTimestamp(1).toInstant())
                .stream().findFirst());
    }

    /** Sets the tenant's time to {@code instant}; the caller has checked that it does not move back. */
    public void freeze(String tenantId, Instant instant, Instant updatedAt) {
        control.update("""
                INSERT INTO tenant_test_clocks (tenant_id, frozen_at, updated_at) VALUES (:id, :at, :updatedAt)
                ON CONFLICT (tenant_id) DO UPDATE SET frozen_at = EXCLUDED.frozen_at, updated_at = EXCLUDED.updated_at
                """, new MapSqlParameterSource("id", tenantId).addValue("at", Timestamp.from(instant))
                .addValue("updatedAt", Timestamp.from(updatedAt)));
        frozen.put(tenantId, Optional.of(instant));
    }
}
