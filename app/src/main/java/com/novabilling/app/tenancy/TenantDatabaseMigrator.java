package com.novabilling.app.tenancy;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a tenant database to the latest schema: Axon's tables and every read model. The migrations live in
 * {@code db/tenant} of each module (command side, query side, sagas) and are versioned {@code V<issue>_<n>}.
 */
@Component
public class TenantDatabaseMigrator {

    static final String LOCATION = "db/tenant";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    /** Every version on the classpath as Flyway records it in {@code flyway_schema_history} ({@code 2.001}). */
    private final Set<String> versions = classpathVersions();

    public void migrate(DataSource tenantDatabase) {
        Flyway.configure()
                .dataSource(tenantDatabase)
                .locations("classpath:" + LOCATION)
                .load()
                .migrate();
    }

    /**
     * Migrates only when some classpath migration is not applied yet: one query when the database is up to date
     * (a copy of the current template, a tenant activated again), where Flyway would scan and validate everything.
     * True when Flyway ran.
     */
    public boolean migrateIfBehind(DataSource tenantDatabase) {
        if (upToDate(tenantDatabase)) {
            return false;
        }
        migrate(tenantDatabase);
        return true;
    }

    private boolean upToDate(DataSource tenantDatabase) {
        try (Connection c = tenantDatabase.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success AND version = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("varchar", versions.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == versions.size();
            }
        } catch (SQLException e) {
            return false; // no history table yet, for one: Flyway decides
        }
    }

    private static Set<String> classpathVersions() {
        Set<String> found = new HashSet<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:" + LOCATION + "/*.sql")) {
                Matcher m = VERSIONED.matcher(String.valueOf(r.getFilename()));
                if (m.matches()) {
                    found.add(MigrationVersion.fromVersion(m.group(1)).getVersion());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the tenant migrations", e);
        }
        if (found.isEmpty()) {
            throw new IllegalStateException("no tenant migrations found in classpath:" + LOCATION);
        }
        return Set.copyOf(found);
    }
}
