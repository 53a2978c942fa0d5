package com.novabilling.app.auth;

import com.novabilling.app.security.SecurityProperties;
import com.novabilling.app.security.Tokens;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Single-use password reset tokens, stored as digests, valid for {@code reset-token-ttl}. */
@Repository
public class PasswordResetTokens {

    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final SecurityProperties properties;

    public PasswordResetTokens(@Qualifier("control") NamedParameterJdbcTemplate jdbc, SecurityProperties properties, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public String issue(String tenantId) {
        String token = "prt_" + Tokens.random(40);
        Instant now = clock.instant();
        jdbc.update("INSERT INTO password_reset_tokens (token_hash, tenant_id, expires_at, created_at) VALUES (:hash, :tenantId, :expiresAt, :now)",
                new MapSqlParameterSource("hash", Tokens.sha256Hex(token)).addValue("tenantId", tenantId)
                        .addValue("expiresAt", Timestamp.from(now.plus(properties.resetTokenTtl()))).addValue("now", Timestamp.from(now)));
        return token;
    }

    /** Consumes the token atomically; empty when it is unknown, used or expired. */
    public Optional<String> consume(String token) {
        return jdbc.queryForList("""
                UPDATE password_reset_tokens SET used_at = now()
                WHERE token_hash = :hash AND used_at IS NULL AND expires_at > now()
                RETURNING tenant_id
                """, new MapSqlParameterSource("hash", Tokens.sha256Hex(token)), String.class).stream().findFirst();
    }
}
