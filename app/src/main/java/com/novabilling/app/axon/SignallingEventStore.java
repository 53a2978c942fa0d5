package com.novabilling.app.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

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
     * @param committedUpTo   after a unit of work's commit: the global index of its last event, and its payload types
     * @param eventsCommitted after every commit that stored events: their payload types
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
        CurrentUnitOfWork.get().afterCommit(u -> {
            committedUpTo.accept(lastIndex, types);
            RequestWrites.committed(committed);
        });
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        eventsCommitted.accept(payloadTypes(events));
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
