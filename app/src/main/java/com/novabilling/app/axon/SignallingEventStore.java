package com.novabilling.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A tenant's event store for appends and aggregate reads. After a commit that stored events it reports the global
 * index of the last one (read-your-writes waits for exactly that position), keeps the events for the rest of the
 * request that wrote them ({@link RequestWrites}) and signals the tenant's processors.
 * Processors never tail this store itself: they read {@link TenantEventSource}, so no thread of this store runs.
 */
final class SignallingEventStore extends EmbeddedEventStore {

    private final ConnectionProvider connections;
    private final BiConsumer<Long, Set<Class<?>>> committedUpTo;
    private final Consumer<Set<Class<?>>> eventsCommitted;

    /**
     * @param committedUpTo   once a unit of work's events are committed: the global index of the last one, and
     *                        their payload types
     * @param eventsCommitted once events are committed: their payload types
     */
    SignallingEventStore(Builder builder, ConnectionProvider connections, BiConsumer<Long, Set<Class<?>>> committedUpTo,
                         Consumer<Set<Class<?>>> eventsCommitted) {
        super(builder.optimizeEventConsumption(false));
        this.connections = connections;
        this.committedUpTo = committedUpTo;
        this.eventsCommitted = eventsCommitted;
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (events.isEmpty() || !CurrentUnitOfWork.isStarted()) {
            return;
        }
        // The session's last value of the global index sequence is the index of the last event just inserted.
        long lastIndex = lastGlobalIndexOfThisSession();
        Set<Class<?>> types = payloadTypes(events);
        List<? extends EventMessage<?>> committed = List.copyOf(events);
        whenCommitted(() -> {
            committedUpTo.accept(lastIndex, types);
            RequestWrites.committed(committed);
            eventsCommitted.accept(types);
        });
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!CurrentUnitOfWork.isStarted()) {
            eventsCommitted.accept(payloadTypes(events)); // published outside a unit of work: stored already
        }
    }

    /**
     * Runs {@code action} once the database has committed the events. A unit of work that joined a transaction
     * begun around it (a {@code TransactionTemplate} sending commands) reaches its own after-commit before that
     * transaction commits: processors woken then would read nothing yet and sleep until their next timed run, and
     * a read waiting for a position rolled back afterwards would wait in vain. So the transaction's own
     * after-commit is used whenever there is one.
     */
    private static void whenCommitted(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            CurrentUnitOfWork.get().afterCommit(u -> action.run());
        }
    }

    private static Set<Class<?>> payloadTypes(List<? extends EventMessage<?>> events) {
        return events.stream().<Class<?>>map(EventMessage::getPayloadType).collect(Collectors.toSet());
    }

    private long lastGlobalIndexOfThisSession() {
        try (Connection connection = connections.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT currval('domain_event_entry_seq')")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the global index of the events just stored", e);
        }
    }
}
