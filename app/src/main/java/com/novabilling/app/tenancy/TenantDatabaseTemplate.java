package com.novabilling.app.tenancy;

import com.novabilling.app.database.PostgresServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A migrated database that new tenant databases are copied from ({@code CREATE DATABASE … TEMPLATE}): copying takes
 * milliseconds where running every tenant migration takes most of a second. It is prepared at start-up; when it is
 * missing or busy, a tenant database is created empty and fully migrated instead, so registration never fails
 * because of it.
 */
@Component
public class TenantDatabaseTemplate {

    private static final Logger log = LoggerFactory.getLogger(TenantDatabaseTemplate.class);
    private static final String SUFFIX = "_tenant_template";
    private static final int COPY_ATTEMPTS = 4;
    private static final long FIRST_BACKOFF_MILLIS = 25;

    private final PostgresServer server;
    private final TenantDatabaseMigrator migrator;
    private final NamedParameterJdbcTemplate control;
    private volatile String name; // set once prepared

    public TenantDatabaseTemplate(PostgresServer server, TenantDatabaseMigrator migrator,
                                  @Qualifier("control") NamedParameterJdbcTemplate control) {
        this.server = server;
        this.migrator = migrator;
        this.control = control;
    }

    /** {@code <control database>_tenant_template}, made a safe database name. */
    static String nameFor(String controlDatabase) {
        String base = controlDatabase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!Character.isLetter(base.charAt(0))) {
            base = "nb_" + base;
        }
        return base.substring(0, Math.min(base.length(), 63 - SUFFIX.length())) + SUFFIX;
    }

    /** Creates the template if missing and migrates it: one Flyway run, whose connections are closed afterwards. */
    public void prepare() {
        String template = nameFor(control.queryForObject("SELECT current_database()", Map.of(), String.class));
        try {
            server.createDatabaseIfMissing(template);
            migrator.migrate(server.unpooled(template));
            name = template;
            log.info("tenant databases are copied from {}", template);
        } catch (RuntimeException e) {
            log.warn("no template database {}: tenant databases will be migrated from scratch ({})", template, e.getMessage());
        }
    }

    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /**
     * Creates the tenant's database: a copy of the template (migrated as far as the template), or an empty database
     * when the template is not there or stays busy (another node migrating it at start-up, say).
     */
    public void createDatabase(String database) {
        String template = name;
        if (template != null) {
            for (int attempt = 1; attempt <= COPY_ATTEMPTS; attempt++) {
                if (server.createDatabaseFromTemplate(database, template)) {
                    return;
                }
                if (attempt < COPY_ATTEMPTS) {
                    pause(FIRST_BACKOFF_MILLIS << (attempt - 1));
                }
            }
            log.warn("template {} busy or missing; creating {} empty", template, database);
        }
        server.createDatabaseIfMissing(database);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the template database", e);
        }
    }
}
