package com.novabilling.app.axon;

import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.query.audit.AggregateAsOfReader;
import com.novabilling.query.audit.AggregateStateAsOf;
import com.novabilling.query.audit.AggregateStateFolder;
import com.novabilling.query.audit.AggregateStateFolders;
import com.novabilling.query.audit.AuditEvent;
import com.novabilling.query.audit.AuditEventQuery;
import com.novabilling.query.audit.AuditEventRepository;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail reads the event table as this application's Axon configuration writes it (schema, Jackson
 * serializer, ISO time stamps): events are appended with the production storage settings into a migrated tenant
 * database and read back through the audit repository's SQL.
 */
class AuditReadsAxonEventTableTest {

    record CustomerCreatedEvent(String customerId, String name, BigDecimal creditLimit) {
    }

    record CustomerUpdatedEvent(String customerId, String name, BigDecimal creditLimit) {
    }

    record CustomerDeletedEvent(String customerId) {
    }

    record MaintenanceAnnounced(String message) {
    }

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
    // Axon stores time stamps to the millisecond
    private static final Instant UPDATED = Instant.parse("2025-03-02T10:00:00.123Z");
    private static final Instant DELETED = Instant.parse("2025-03-03T10:00:00Z");
    private static final Instant ANNOUNCED = Instant.parse("2025-03-04T10:00:00Z");
    private static final Map<String, String> USER_ORIGIN = Map.of("tenantId", "acme", "actorType", "user",
            "actor", "u1", "requestId", "req-1", "correlationId", "corr-1");

    private static EmbeddedPostgres postgres;
    private static AuditEventRepository repository;
    private static AggregateAsOfReader aggregates;
    private static DataSource tenantDb;

    @BeforeAll
    static void tenantDatabaseWithEvents() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        tenantDb = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(tenantDb).locations("classpath:db/tenant").load().migrate();
        Serializer serializer = JacksonSerializer.builder()
                .objectMapper(TenantAxonRuntimeFactory.axonObjectMapper()).build();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(tenantDb))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(AxonSchemas.EVENTS)
                .dataType(byte[].class)
                .snapshotSerializer(serializer)
                .eventSerializer(serializer)
                .build();
        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>("Customer", "c1", 0,
                        new CustomerCreatedEvent("c1", "Ada", new BigDecimal("100.50")), USER_ORIGIN, "e1", CREATED),
                new GenericDomainEventMessage<>("Customer", "c1", 1,
                        new CustomerUpdatedEvent("c1", "Ada Lovelace", null), USER_ORIGIN, "e2", UPDATED),
                new GenericDomainEventMessage<>("Customer", "c1", 2,
                        new CustomerDeletedEvent("c1"), Map.of("tenantId", "acme", "actorType", "system"), "e3", DELETED),
                new GenericEventMessage<>(new GenericMessage<>("e4", new MaintenanceAnnounced("tonight"), Map.of()), () -> ANNOUNCED)));
        repository = new AuditEventRepository(new JdbcTemplate(tenantDb));
        aggregates = new AggregateAsOfReader(repository, new AggregateStateFolders(
                new StaticListableBeanFactory().getBeanProvider(AggregateStateFolder.class)));
    }

    @AfterAll
    static void stop() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void listsEveryEventNewestFirstWithItsOriginPayloadAndMetadata() {
        PageResult<AuditEvent> page = repository.find(query(null, null, null, null, null, null));

        assertThat(page.meta()).isEqualTo(new PageMeta(4, 1, 20, 1));
        assertThat(page.data()).extracting(AuditEvent::eventId).containsExactly("e4", "e3", "e2", "e1");
        AuditEvent created = page.data().get(3);
        assertThat(created.type()).isEqualTo("CustomerCreatedEvent");
        assertThat(created.payloadType()).isEqualTo(CustomerCreatedEvent.class.getName());
        assertThat(created.aggregateType()).isEqualTo("Customer");
        assertThat(created.aggregateId()).isEqualTo("c1");
        assertThat(created.sequence()).isZero();
        assertThat(created.timestamp()).isEqualTo(CREATED);
        assertThat(created.actor()).isEqualTo(new AuditEvent.Actor("user", "u1"));
        assertThat(created.requestId()).isEqualTo("req-1");
        assertThat(created.correlationId()).isEqualTo("corr-1");
        assertThat(created.metadata().get("tenantId").asText()).isEqualTo("acme");
        assertThat(created.payload().get("name").asText()).isEqualTo("Ada");
        assertThat(created.payload().get("creditLimit").toString()).isEqualTo("100.50");
        AuditEvent announced = page.data().get(0);
        assertThat(announced.aggregateType()).isNull();
        assertThat(announced.aggregateId()).isNull();
        assertThat(announced.sequence()).isNull();
        assertThat(announced.actor()).isEqualTo(new AuditEvent.Actor(null, null));
    }

    @Test
    void typeMatchesSimpleNameOrFullyQualifiedName() {
        assertThat(repository.find(query(null, "CustomerUpdatedEvent", null, null, null, null)).data())
                .extracting(AuditEvent::eventId).containsExactly("e2");
        assertThat(repository.find(query(null, CustomerDeletedEvent.class.getName(), null, null, null, null)).data())
                .extracting(AuditEvent::eventId).containsExactly("e3");
        assertThat(repository.find(query(null, "Customer%", null, null, null, null)).meta().total()).isZero();
    }

    @Test
    void filtersByAggregateAndTimeWithFromInclusiveAndToExclusive() {
        PageResult<AuditEvent> page = repository.find(query("c1", null, UPDATED.toString(), DELETED.toString(), null, null));

        assertThat(page.data()).extracting(AuditEvent::eventId).containsExactly("e2");
        assertThat(repository.find(query("e4", null, null, null, null, null)).meta().total()).isZero();
    }

    @Test
    void pagesThroughTheTrail() {
        PageResult<AuditEvent> second = repository.find(query(null, null, null, null, "2", "3"));
        PageResult<AuditEvent> beyond = repository.find(query(null, null, null, null, "5", "3"));

        assertThat(second.data()).extracting(AuditEvent::eventId).containsExactly("e1");
        assertThat(second.meta()).isEqualTo(new PageMeta(4, 2, 3, 2));
        assertThat(beyond.data()).isEmpty();
        assertThat(beyond.meta().total()).isEqualTo(4);
    }

    @Test
    void aggregateAsOfFoldsOnlyEventsRecordedUntilThen() {
        AggregateStateAsOf afterUpdate = aggregates.stateAsOf("c1", UPDATED);
        AggregateStateAsOf now = aggregates.stateAsOf("c1", ANNOUNCED);

        assertThat(afterUpdate.version()).isEqualTo(1);
        assertThat(afterUpdate.lastEventAt()).isEqualTo(UPDATED);
        assertThat(afterUpdate.deleted()).isFalse();
        assertThat(afterUpdate.state().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(afterUpdate.state().get("creditLimit").toString()).isEqualTo("100.50");
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.deleted()).isTrue();
        assertThat(now.aggregateType()).isEqualTo("Customer");
    }

    @Test
    void unknownIdNonAggregateEventAndInstantBeforeCreationAreAllNotFound() {
        assertThatThrownBy(() -> aggregates.stateAsOf("nobody", ANNOUNCED)).isInstanceOf(NotFoundException.class)
                .hasMessage("Aggregate with id 'nobody' not found");
        assertThatThrownBy(() -> aggregates.stateAsOf("e4", ANNOUNCED)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> aggregates.stateAsOf("c1", CREATED.minusMillis(1))).isInstanceOf(NotFoundException.class);
    }

    private static AuditEventQuery query(String aggregateId, String type, String from, String to, String page, String limit) {
        return AuditEventQuery.parse(aggregateId, type, from, to, page, limit);
    }
}
