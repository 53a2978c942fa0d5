package com.novabilling.app.axon;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.List;
import java.util.Optional;

/**
 * The event handlers of one read-model processing group, as the single handler of its processor. Each event's changes
 * are flushed to the database at once, so a failure — a value PostgreSQL refuses, a bug in a handler — surfaces at that
 * event. The failure is remembered and the batch is rolled back and runs again; on that run the dead-lettering invoker
 * around this handler queues the remembered event without handling it, and the batch goes on. Normal processing thus
 * pays for no savepoint; a dead letter being retried is applied inside one, so a second failure undoes only its own
 * changes and the letter goes back to the queue.
 */
final class ProjectionGroupHandler implements EventMessageHandler {

    private static final Logger log = LoggerFactory.getLogger(ProjectionGroupHandler.class);

    private final String tenantId;
    private final String group;
    private final List<EventMessageHandler> projections;
    private final DataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final ProjectionFailures failures;

    /**
     * @param projections the group's annotated handlers, adapted with the tenant configuration's parameter resolvers
     * @param dataSource  the data source whose transactional connection the projections write on
     */
    ProjectionGroupHandler(String tenantId, String group, List<EventMessageHandler> projections, DataSource dataSource,
                           EntityManagerFactory entityManagerFactory, ProjectionFailures failures) {
        this.tenantId = tenantId;
        this.group = group;
        this.projections = List.copyOf(projections);
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.failures = failures;
    }

    String group() {
        return group;
    }

    @Override
    public Object handle(EventMessage<?> event) throws Exception {
        if (!canHandle(event)) {
            return null;
        }
        boolean retryingDeadLetter = isDeadLetterRetry();
        if (!retryingDeadLetter) {
            Optional<ProjectionFailure> known = failures.of(group, event.getIdentifier());
            if (known.isPresent()) {
                throw known.get().toDeadLetter();
            }
            try {
                apply(event);
                return null;
            } catch (Exception e) {
                discardUnflushedChanges();
                throw failed(event, e, false, false);
            }
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            Savepoint savepoint = connection.setSavepoint();
            try {
                apply(event);
                connection.releaseSavepoint(savepoint);
                return null;
            } catch (Exception e) {
                boolean canCommit = undo(connection, savepoint);
                throw failed(event, e, canCommit, true);
            }
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void apply(EventMessage<?> event) throws Exception {
        for (EventMessageHandler projection : projections) {
            if (projection.canHandle(event)) {
                projection.handle(event);
            }
        }
        EntityManager entityManager = transactionalEntityManager();
        if (entityManager != null) {
            entityManager.flush();
        }
    }

    /** The batch is rolled back after a failure; the event's unflushed entities must not be flushed before that. */
    private void discardUnflushedChanges() {
        EntityManager entityManager = transactionalEntityManager();
        if (entityManager != null) {
            entityManager.clear();
        }
    }

    /** Rolls the event's changes back; whether the transaction can still commit afterwards. */
    private boolean undo(Connection connection, Savepoint savepoint) {
        boolean undone;
        try {
            connection.rollback(savepoint);
            undone = true;
        } catch (SQLException e) {
            undone = false;
        }
        EntityManager entityManager = transactionalEntityManager();
        if (entityManager == null) {
            return undone;
        }
        entityManager.clear(); // entities the event loaded or changed may no longer match the rolled-back rows
        return undone && !entityManager.getTransaction().getRollbackOnly();
    }

    private ProjectionFailure failed(EventMessage<?> event, Exception e, boolean canCommit, boolean retryingDeadLetter) {
        ProjectionFailure failure = ProjectionFailure.of(e, canCommit);
        if (failure.isTransient()) {
            return failure; // the processor retries the batch, and logs it
        }
        if (failures.remember(group, event.getIdentifier(), failure) && !retryingDeadLetter) {
            log.warn("Projection {} of tenant {} could not apply event {} ({}{}): {}: {}; it goes to the dead-letter queue",
                    group, tenantId, event.getIdentifier(), event.getPayloadType().getSimpleName(),
                    event instanceof DomainEventMessage<?> domain ? " of " + domain.getAggregateIdentifier() : "",
                    failure.reason().summary(), failure.causeMessage());
        }
        return failure;
    }

    private EntityManager transactionalEntityManager() {
        return EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
    }

    /** Axon's processing of a dead letter puts the letter in its unit of work. */
    private static boolean isDeadLetterRetry() {
        return CurrentUnitOfWork.map(unitOfWork -> unitOfWork.resources().containsKey(DeadLetter.class.getName()))
                .orElse(false);
    }

    @Override
    public boolean canHandle(EventMessage<?> event) {
        return projections.stream().anyMatch(projection -> projection.canHandle(event));
    }

    @Override
    public boolean canHandleType(Class<?> payloadType) {
        return projections.stream().anyMatch(projection -> projection.canHandleType(payloadType));
    }

    @Override
    public void prepareReset() {
        prepareReset(null);
    }

    /** A rebuild replays every event, and the invoker clears the group's dead letters; its failures go too. */
    @Override
    public <R> void prepareReset(R resetContext) {
        failures.forgetGroup(group);
        for (EventMessageHandler projection : projections) {
            if (projection.supportsReset()) {
                projection.prepareReset(resetContext);
            }
        }
    }

    @Override
    public boolean supportsReset() {
        return projections.stream().anyMatch(EventMessageHandler::supportsReset);
    }
}
