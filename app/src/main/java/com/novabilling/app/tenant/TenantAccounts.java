package com.novabilling.app.tenant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.invoice.BillingTerms;
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

/** Tenants in the control database. */
@Repository
public class TenantAccounts {

    private final Clock clock;
    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public TenantAccounts(@Qualifier("control") NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.json = json;
    }

    private final RowMapper<TenantAccount> rows = (rs, i) -> new TenantAccount(
            rs.getString("id"), rs.getString("name"), rs.getString("email"), rs.getString("password_hash"),
            rs.getString("slug"), rs.getString("company_name"), rs.getString("database_name"),
            rs.getBoolean("is_active"), readSettings(rs.getString("settings")),
            (Integer) rs.getObject("rate_limit_per_minute"), rs.getInt("session_version"),
            rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

    /**
     * Inserts the tenant as provisioning (inactive, {@code provisioning_started_at} = its creation time), which
     * reserves its email and slug. False when the slug is taken; an email taken meanwhile is a
     * {@link org.springframework.dao.DuplicateKeyException}.
     */
    public boolean reserve(TenantAccount t) {
        return jdbc.update("""
                INSERT INTO tenants (id, name, email, password_hash, slug, company_name, database_name, is_active,
                                     settings, provisioning_started_at, created_at, updated_at)
                VALUES (:id, :name, :email, :passwordHash, :slug, :companyName, :databaseName, FALSE,
                        CAST(:settings AS jsonb), :createdAt, :createdAt, :updatedAt)
                ON CONFLICT (slug) DO NOTHING
                """, new MapSqlParameterSource()
                .addValue("id", t.id()).addValue("name", t.name()).addValue("email", t.email())
                .addValue("passwordHash", t.passwordHash()).addValue("slug", t.slug())
                .addValue("companyName", t.companyName()).addValue("databaseName", t.databaseName())
                .addValue("settings", writeSettings(t.settings()))
                .addValue("createdAt", Timestamp.from(t.createdAt())).addValue("updatedAt", Timestamp.from(t.updatedAt()))) == 1;
    }

    /** False when the row is no longer provisioning (deleted by a sweep that took it for abandoned). */
    public boolean activate(String id) {
        return jdbc.update("UPDATE tenants SET is_active = TRUE, provisioning_started_at = NULL WHERE id = :id AND provisioning_started_at IS NOT NULL",
                new MapSqlParameterSource("id", id)) == 1;
    }

    /** Takes a tenant whose registration is being undone out of service, dated so a sweep finishes the job if need be. */
    public void returnToProvisioning(String id) {
        jdbc.update("UPDATE tenants SET is_active = FALSE, provisioning_started_at = created_at WHERE id = :id",
                new MapSqlParameterSource("id", id));
    }

    /** Deletes a row still provisioning, with its keys and tokens (cascade); an active tenant is never deleted here. */
    public void deleteProvisioning(String id) {
        jdbc.update("DELETE FROM tenants WHERE id = :id AND provisioning_started_at IS NOT NULL", new MapSqlParameterSource("id", id));
    }

    public List<TenantAccount> provisioningStartedBefore(Instant cutoff) {
        return jdbc.query("SELECT * FROM tenants WHERE provisioning_started_at < :cutoff ORDER BY provisioning_started_at",
                new MapSqlParameterSource("cutoff", Timestamp.from(cutoff)), rows);
    }

    public Optional<TenantAccount> findById(String id) {
        return jdbc.query("SELECT * FROM tenants WHERE id = :id", new MapSqlParameterSource("id", id), rows)
                .stream().findFirst();
    }

    public Optional<TenantAccount> findByEmail(String email) {
        return jdbc.query("SELECT * FROM tenants WHERE lower(email) = lower(:email)", new MapSqlParameterSource("email", email), rows)
                .stream().findFirst();
    }

    /** Counts registrations still provisioning too: their row reserves the email. */
    public boolean emailTaken(String email, String exceptTenantId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM tenants WHERE lower(email) = lower(:email) AND id <> :except",
                new MapSqlParameterSource("email", email).addValue("except", exceptTenantId == null ? "" : exceptTenantId), Integer.class);
        return n != null && n > 0;
    }

    public static ConflictException emailConflict(String email) {
        return new ConflictException("email", "A tenant with email '" + email + "' already exists");
    }

    public void updateProfile(String id, String name, String email, String companyName, TenantSettings settings) {
        jdbc.update("""
                UPDATE tenants SET name = :name, email = :email, company_name = :companyName,
                                   settings = CAST(:settings AS jsonb), updated_at = :now
                WHERE id = :id
                """, new MapSqlParameterSource("id", id).addValue("name", name).addValue("email", email)
                .addValue("companyName", companyName).addValue("settings", writeSettings(settings))
                .addValue("now", Timestamp.from(clock.instant())));
    }

    /** Replaces {@link TenantAccount#NO_PASSWORD_YET} at activation, without ending sessions as {@link #resetPassword} does. */
    public void setInitialPasswordHash(String id, String passwordHash) {
        int updated = jdbc.update("UPDATE tenants SET password_hash = :hash WHERE id = :id AND password_hash = :none",
                new MapSqlParameterSource("id", id).addValue("hash", passwordHash).addValue("none", TenantAccount.NO_PASSWORD_YET));
        if (updated != 1) {
            throw new IllegalStateException("tenant " + id + " has a password already");
        }
    }

    /** Sets a new password and bumps the session version, which invalidates every access token issued before. */
    public void resetPassword(String id, String passwordHash) {
        jdbc.update("UPDATE tenants SET password_hash = :hash, session_version = session_version + 1, updated_at = :now WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("hash", passwordHash).addValue("now", Timestamp.from(clock.instant())));
    }

    public void setRateLimit(String id, Integer requestsPerMinute) {
        jdbc.update("UPDATE tenants SET rate_limit_per_minute = :limit WHERE id = :id",
                new MapSqlParameterSource("id", id).addValue("limit", requestsPerMinute));
    }

    private TenantSettings readSettings(String value) {
        try {
            TenantSettings s = value == null ? null : json.readValue(value, TenantSettings.class);
            TenantSettings d = TenantSettings.defaults();
            if (s == null) return d;
            return new TenantSettings(s.defaultCurrency() == null ? d.defaultCurrency() : s.defaultCurrency(),
                    s.timezone() == null ? d.timezone() : s.timezone(), s.smtp(),
                    s.taxRate() == null ? d.taxRate() : BillingTerms.canonicalRate(s.taxRate()), s.taxName(),
                    s.netPaymentTerms() == null ? d.netPaymentTerms() : s.netPaymentTerms(),
                    s.invoiceGracePeriodDays() == null ? d.invoiceGracePeriodDays() : s.invoiceGracePeriodDays(),
                    s.emailInvoicesOnFinalization(), s.lateUsagePolicy());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable tenant settings", e);
        }
    }

    private String writeSettings(TenantSettings settings) {
        try {
            return json.writeValueAsString(settings == null ? TenantSettings.defaults() : settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
