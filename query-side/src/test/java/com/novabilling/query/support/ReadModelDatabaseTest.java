package com.novabilling.query.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.flywaydb.core.Flyway;
import org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.data.jpa.repository.support.JpaRepositoryFactory;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import java.io.IOException;
import java.util.Map;

/**
 * Base of the tests that run projections and query handlers on the real read-model schema (Flyway migrations,
 * Hibernate validating every mapping against it) in an embedded PostgreSQL. Plain JPA with a Spring Data repository
 * factory; no Spring context. Each test class gets its own database and a fresh entity manager per test.
 */
public abstract class ReadModelDatabaseTest {

    private static EmbeddedPostgres postgres;
    private static EntityManagerFactory entityManagerFactory;

    protected EntityManager entityManager;
    protected JpaRepositoryFactory repositories;

    @BeforeAll
    static void startDatabase() throws IOException {
        postgres = EmbeddedPostgres.start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/tenant").load().migrate();
        LocalContainerEntityManagerFactoryBean factoryBean = new LocalContainerEntityManagerFactoryBean();
        factoryBean.setDataSource(postgres.getPostgresDatabase());
        factoryBean.setPackagesToScan("com.novabilling.query");
        factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
        // the application's naming (application.yml): a field's column is its name in snake_case
        factoryBean.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate",
                "hibernate.physical_naming_strategy", CamelCaseToUnderscoresNamingStrategy.class.getName()));
        factoryBean.afterPropertiesSet();
        entityManagerFactory = factoryBean.getObject();
    }

    @AfterAll
    static void stopDatabase() throws IOException {
        entityManagerFactory.close();
        postgres.close();
    }

    @BeforeEach
    void openEntityManager() {
        entityManager = entityManagerFactory.createEntityManager();
        repositories = new JpaRepositoryFactory(entityManager);
    }

    @AfterEach
    void closeEntityManager() {
        entityManager.close();
    }

    /** Runs the work in one committed transaction and detaches everything, so later reads come from the database. */
    protected void inTransaction(Runnable work) {
        entityManager.getTransaction().begin();
        work.run();
        entityManager.getTransaction().commit();
        entityManager.clear();
    }
}
