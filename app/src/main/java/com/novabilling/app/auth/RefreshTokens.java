package com.novabilling.app.auth;

import com.novabilling.app.security.SecurityProperties;
import com.novabilling.app.security.Tokens;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Rotating refresh tokens. Each use consumes the token and issues its successor in the same family; presenting
 * a consumed or revoked token again means it leaked, so the whole family is revoked.
 */
@Repository
public class RefreshTokens {

    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SecurityProperties properties;

    public RefreshTokens(@Qualifier("control") NamedParameterJdbcTemplate jdbc,
                         @Qualifier("control") TransactionTemplate transactions, SecurityProperties properties, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
    }

    public sealed interface Rotation {
        record Rotated(String tenantId, String refreshToken) implements Rotation {
        }

        record Rejected(String reason) implements Rotation {
        }
    }

    public String issue(String tenantId) {
        return issueInFamily(tenantId, Tokens.id("fam_"));
    }

    private String issueInFamily(String tenantId, String familyId) {
        String token = "rt_" + Tokens.random(48);
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO refresh_tokens (id, tenant_id, family_id, token_hash, expires_at, created_at)
                VALUES (:id, :tenantId, :familyId, :hash, :expiresAt, :createdAt)
                """, new MapSqlParameterSource("id", Tokens.id("rtk_")).addValue("tenantId", tenantId)
                .addValue("familyId", familyId).addValue("hash", Tokens.sha256Hex(token))
                .addValue("expiresAt", Timestamp.from(now.plus(properties.refreshTokenTtl())))
                .addValue("createdAt", Timestamp.from(now)));
        return token;
    }

    public Rotation rotate(String presented) {
        return transactions.execute(status -> {
            var rows = jdbc.queryForList("""
                    SELECT r.id, r.tenant_id, r.family_id, r.expires_at, r.used_at, r.revoked_at, t.is_active
                    FROM refresh_tokens r JOIN tenants t ON t.id = r.tenant_id
                    WHERE r.token_hash = :hash FOR UPDATE OF r
                    """, new MapSqlParameterSource("hash", Tokens.sha256Hex(presented)));
            if (rows.isEmpty()) {
                return new Rotation.Rejected("Invalid refresh token");
            }
            var row = rows.get(0);
            String familyId = (String) row.get("family_id");
            if (row.get("used_at") != null || row.get("revoked_at") != null) {
                revokeFamily(familyId);
                return new Rotation.Rejected("Refresh token was already used; all sessions of this login have been revoked");
            }
            if (((Timestamp) row.get("expires_at")).toInstant().isBefore(clock.instant())) {
                return new Rotation.Rejected("Refresh token expired");
            }
            if (!Boolean.TRUE.equals(row.get("is_active"))) {
                return new Rotation.Rejected("Tenant is deactivated");
            }
            jdbc.update("UPDATE refresh_tokens SET used_at = :now WHERE id = :id",
                    new MapSqlParameterSource("id", row.get("id")).addValue("now", Timestamp.from(clock.instant())));
            String tenantId = (String) row.get("tenant_id");
            return new Rotation.Rotated(tenantId, issueInFamily(tenantId, familyId));
        });
    }

    public void revokeFamily(String familyId) {
        jdbc.update("UPDATE refresh_tokens SET revoked_at = :now WHERE family_id = :familyId AND revoked_at IS NULL",
                new MapSqlParameterSource("familyId", familyId).addValue("now", Timestamp.from(clock.instant())));
    }

    public void revokeAll(String tenantId) {
        jdbc.update("UPDATE refresh_tokens SET revoked_at = :now WHERE tenant_id = :tenantId AND revoked_at IS NULL",
                new MapSqlParameterSource("tenantId", tenantId).addValue("now", Timestamp.from(clock.instant())));
    }

    public Optional<String> tenantOf(String presented) {
        return jdbc.queryForList("SELECT tenant_id FROM refresh_tokens WHERE token_hash = :hash",
                new MapSqlParameterSource("hash", Tokens.sha256Hex(presented)), String.class).stream().findFirst();
    }
}
