package com.novabilling.command.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;

/**
 * Base of the tests that run the command side's JDBC tables (lookups, codes) against the real tenant migrations on
 * an embedded PostgreSQL, without Spring. Each test class gets its own database; subclasses empty their tables in a
 * {@code @BeforeEach}.
 */
public abstract class TenantSchemaTest {

    private static EmbeddedPostgres postgres;
    protected static JdbcTemplate jdbcTemplate;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/tenant").load().migrate();
        jdbcTemplate = new JdbcTemplate(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        postgres.close();
    }
}
