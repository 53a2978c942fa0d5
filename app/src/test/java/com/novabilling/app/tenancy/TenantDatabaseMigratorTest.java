package com.novabilling.app.tenancy;

import com.novabilling.app.support.IntegrationTest;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class TenantDatabaseMigratorTest extends IntegrationTest {

    @Autowired
    TenantDatabaseMigrator migrator;
    @Autowired
    TenantDatabaseTemplate template;

    @Test
    void anEmptyDatabaseIsMigratedOnceThenLeftAlone() {
        withDatabase("nb_migrator_empty", pool -> {
            assertThat(migrator.migrateIfBehind(pool)).isTrue();
            assertThat(migrator.migrateIfBehind(pool)).isFalse();
        });
    }

    @Test
    void aDatabaseMigratedPartWayGetsTheRest() {
        withDatabase("nb_migrator_behind", pool -> {
            Flyway.configure().dataSource(pool).locations("classpath:db/tenant").target("2.001").load().migrate();
            assertThat(count(database(pool), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'customers'")).isZero();

            assertThat(migrator.migrateIfBehind(pool)).isTrue();
            assertThat(count(database(pool), "SELECT count(*) FROM information_schema.tables WHERE table_name = 'customers'")).isOne();
            assertThat(migrator.migrateIfBehind(pool)).isFalse();
        });
    }

    @Test
    void aCopyOfTheTemplateIsUpToDate() {
        String database = "nb_template_copy_" + System.nanoTime();
        assertThat(postgres.createDatabaseFromTemplate(database, template.name().orElseThrow()))
                .as("the start-up migration left no connection to the template").isTrue();
        try (HikariDataSource pool = postgres.newPool(database, "template-copy-test", 2)) {
            assertThat(migrator.migrateIfBehind(pool)).isFalse();
            assertThat(count(database, "SELECT count(*) FROM information_schema.tables WHERE table_name = 'customers'")).isOne();
        } finally {
            postgres.dropDatabaseIfExists(database);
        }
    }

    private void withDatabase(String prefix, Consumer<HikariDataSource> test) {
        String database = prefix + "_" + System.nanoTime();
        postgres.createDatabaseIfMissing(database);
        try (HikariDataSource pool = postgres.newPool(database, prefix, 2)) {
            test.accept(pool);
        } finally {
            postgres.dropDatabaseIfExists(database);
        }
    }

    private static String database(HikariDataSource pool) {
        return pool.getJdbcUrl().substring(pool.getJdbcUrl().lastIndexOf('/') + 1);
    }
}
