package com.novabilling.app.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.novabilling.app.security.SecurityProperties;
import com.novabilling.app.security.Tokens;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * API keys: {@code sk_live_} + 48 random base-62 characters. Only the SHA-256 digest is stored (a fast hash is
 * right for a high-entropy secret and allows an O(1) indexed lookup per request); the key is shown once.
 * <p>
 * A successful lookup is reused for {@code novabilling.security.api-key-cache-ttl}, which saves a query to the control
 * database on every request. A revocation on this node clears the reuse at once; another node's reuse ends within
 * the TTL. Failed lookups are never kept, so guessing keys cannot fill the cache.
 */
@Repository
public class ApiKeys {

    public static final String PREFIX = "sk_live_";

    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final Cache<String, ActiveKey> recentLookups;

    public ApiKeys(@Qualifier("control") NamedParameterJdbcTemplate jdbc, Clock clock, SecurityProperties security) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.recentLookups = Caffeine.newBuilder()
                .expireAfterWrite(security.apiKeyCacheTtl())
                .maximumSize(security.apiKeyCacheTtl().isZero() ? 0 : 100_000)
                .build();
    }

    public record ApiKey(String id, String tenantId, String name, String prefix, String lastFour, Instant createdAt,
                         Instant lastUsedAt, Instant revokedAt) {
    }

    public record CreatedKey(ApiKey key, String secret) {
    }

    public record ActiveKey(String id, String tenantId) {
    }

    private final RowMapper<ApiKey> rows = (rs, i) -> new ApiKey(rs.getString("id"), rs.getString("tenant_id"),
            rs.getString("name"), rs.getString("prefix"), rs.getString("last_four"),
            rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")), instant(rs.getTimestamp("revoked_at")));

    public CreatedKey create(String tenantId, String name) {
        String secret = PREFIX + Tokens.random(48);
        ApiKey key = new ApiKey(Tokens.id("key_"), tenantId, name, PREFIX, secret.substring(secret.length() - 4),
                clock.instant(), null, null);
        jdbc.update("""
                INSERT INTO api_keys (id, tenant_id, name, key_hash, prefix, last_four, created_at)
                VALUES (:id, :tenantId, :name, :hash, :prefix, :lastFour, :createdAt)
                """, new MapSqlParameterSource("id", key.id()).addValue("tenantId", tenantId).addValue("name", name)
                .addValue("hash", Tokens.sha256Hex(secret)).addValue("prefix", key.prefix())
                .addValue("lastFour", key.lastFour()).addValue("createdAt", Timestamp.from(key.createdAt())));
        return new CreatedKey(key, secret);
    }

    /** The live key with this secret, if any; a revoked key or a deactivated tenant authenticates nothing. */
    public Optional<ActiveKey> authenticate(String secret) {
        String hash = Tokens.sha256Hex(secret);
        ActiveKey recent = recentLookups.getIfPresent(hash);
        if (recent != null) {
            return Optional.of(recent);
        }
        Optional<ActiveKey> found = jdbc.query("""
                SELECT k.id, k.tenant_id FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
                WHERE k.key_hash = :hash AND k.revoked_at IS NULL AND t.is_active
                """, new MapSqlParameterSource("hash", hash),
                (rs, i) -> new ActiveKey(rs.getString(1), rs.getString(2))).stream().findFirst();
        found.ifPresent(key -> recentLookups.put(hash, key));
        return found;
    }

    public List<ApiKey> listActive(String tenantId) {
        return jdbc.query("SELECT * FROM api_keys WHERE tenant_id = :tenantId AND revoked_at IS NULL ORDER BY created_at DESC",
                new MapSqlParameterSource("tenantId", tenantId), rows);
    }

    public Optional<ApiKey> find(String tenantId, String id) {
        return jdbc.query("SELECT * FROM api_keys WHERE tenant_id = :tenantId AND id = :id",
                new MapSqlParameterSource("tenantId", tenantId).addValue("id", id), rows).stream().findFirst();
    }

    public boolean revoke(String tenantId, String id) {
        boolean revoked = jdbc.update("UPDATE api_keys SET revoked_at = :now WHERE tenant_id = :tenantId AND id = :id AND revoked_at IS NULL",
                new MapSqlParameterSource("tenantId", tenantId).addValue("id", id).addValue("now", Timestamp.from(clock.instant()))) == 1;
        recentLookups.invalidateAll(); // after the update: a lookup racing with it cannot keep the key
        return revoked;
    }

    public void touch(String id, Instant usedAt) {
        jdbc.update("UPDATE api_keys SET last_used_at = :usedAt WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("usedAt", Timestamp.from(usedAt)));
    }

    public int countActive(String tenantId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE tenant_id = :tenantId AND revoked_at IS NULL",
                new MapSqlParameterSource("tenantId", tenantId), Integer.class);
        return n == null ? 0 : n;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
