package com.novabilling.app.ledger;

import com.novabilling.app.axon.TenantAxonRuntime;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.ResultMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * Check 6 of the ledger verifier: rebuilding every read-model projection from the event store gives the rows the
 * read models hold. In one transaction of the tenant's database that is always rolled back: a scratch schema gets an
 * empty copy of each read-model table ({@code LIKE … INCLUDING ALL}), the transaction's {@code search_path} puts that
 * schema first (so the projections' unqualified SQL writes there, while the event store, read on the same
 * connection, is still found in {@code public}), every event up to the head is handed to the projections' own
 * handlers, and then each table is compared with the real one row by row (an md5 of each row's columns, keyed by
 * id). Whatever the replay writes — the scratch tables, and anything a handler might write outside them — is rolled
 * back with the transaction: nothing of it survives the request.
 */
@Component
class ProjectionReplayCheck {

    static final String CHECK = "projection-rebuild";
    private static final String SCRATCH_PREFIX = "ledger_scratch_";
    private static final int FLUSH_EVERY = 200;
    private static final int MAX_NAMED_ROWS = 20;
    private static final Duration CATCH_UP = Duration.ofSeconds(30);

    /** What the replay compared, and what differed. */
    record Outcome(long events, long rows, List<LedgerViolation> violations, String skippedBecause) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EntityManagerFactory entityManagerFactory;

    ProjectionReplayCheck(JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                          EntityManagerFactory entityManagerFactory) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.entityManagerFactory = entityManagerFactory;
    }

    /** @param progress told how far the replay has read the store (a no-op for the synchronous verification) */
    Outcome run(TenantAxonRuntime runtime, long head, LedgerProgress progress) {
        List<String> tables = readModelTables();
        Map<String, List<EventMessageHandler>> handlers = runtime.readModelHandlers();
        Map<String, Long> lastHandled = new java.util.HashMap<>();
        String scratch = SCRATCH_PREFIX + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return transactions.execute(status -> {
            status.setRollbackOnly(); // the scratch schema never outlives the check
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(entityManagerFactory);
            Objects.requireNonNull(entityManager, "no transactional EntityManager").flush();
            entityManager.clear();
            jdbc.execute("CREATE SCHEMA " + scratch);
            for (String table : tables) {
                jdbc.execute("CREATE TABLE " + scratch + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            jdbc.execute("SET LOCAL search_path TO " + scratch + ", public");
            long events = replay(runtime, head, handlers, lastHandled, entityManager, progress);
            entityManager.flush();
            entityManager.clear();
            jdbc.execute("SET LOCAL search_path TO public");
            String behind = behind(runtime, lastHandled);
            if (behind != null) {
                return new Outcome(events, 0, List.of(), "the projections " + behind + " had not handled the "
                        + "event store's events up to " + head + " within " + CATCH_UP.toSeconds()
                        + " s; comparing would report their lag");
            }
            List<LedgerViolation> violations = new ArrayList<>();
            long rows = 0;
            for (String table : tables) {
                rows += compare(scratch, table, violations);
            }
            return new Outcome(events, rows, violations, null);
        });
    }

    private static long replay(TenantAxonRuntime runtime, long head, Map<String, List<EventMessageHandler>> handlers,
                               Map<String, Long> lastHandled, EntityManager entityManager,
                               LedgerProgress progress) {
        long events = 0;
        progress.events(0, Math.max(head, 0));
        if (head < 0) {
            return 0;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = runtime.eventStore().openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event store gave no event for 30 s before its head " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                events++;
                long position = event.trackingToken().position().orElse(-1);
                handlers.forEach((group, groupHandlers) -> groupHandlers.forEach(handler -> {
                    if (handler.canHandle(event)) {
                        lastHandled.put(group, position);
                        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event)
                                .executeWithResult(() -> handler.handle(event));
                        if (result.isExceptional()) {
                            throw new IllegalStateException("replaying event " + event.getIdentifier() + " ("
                                    + event.getPayloadType().getSimpleName() + ") failed: "
                                    + result.exceptionResult().getMessage(), result.exceptionResult());
                        }
                    }
                }));
                if (events % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
                progress.events(position, head);
                if (position >= head) {
                    return events;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying the event store", e);
        }
    }

    /** Rows of the real table and of its rebuilt copy that differ, named by id; the number of real rows. */
    private long compare(String scratch, String table, List<LedgerViolation> violations) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", String.class, table);
        String key = columns.contains("id") ? "id::text" : "md5(ROW(" + quoted(columns) + ")::text)";
        String row = "md5(ROW(" + quoted(columns) + ")::text)";
        String differing = "SELECT k FROM (SELECT " + key + " AS k, " + row + " AS h FROM %s.\"" + table + "\" EXCEPT ALL "
                + "SELECT " + key + " AS k, " + row + " AS h FROM %s.\"" + table + "\") d";
        TreeSet<String> onlyLive = new TreeSet<>(jdbc.queryForList(String.format(differing, "public", scratch), String.class));
        TreeSet<String> onlyRebuilt = new TreeSet<>(jdbc.queryForList(String.format(differing, scratch, "public"), String.class));
        TreeSet<String> differ = new TreeSet<>(onlyLive);
        differ.retainAll(onlyRebuilt);
        onlyLive.removeAll(differ);
        onlyRebuilt.removeAll(differ);
        name(violations, table, differ, "differ from the rebuilt rows");
        name(violations, table, onlyLive, "are in the read model but not rebuilt from the events");
        name(violations, table, onlyRebuilt, "are rebuilt from the events but missing from the read model");
        Long count = jdbc.queryForObject("SELECT count(*) FROM public.\"" + table + "\"", Long.class);
        return count == null ? 0 : count;
    }

    private static void name(List<LedgerViolation> violations, String table, TreeSet<String> ids, String what) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> named = ids.stream().limit(MAX_NAMED_ROWS).toList();
        violations.add(new LedgerViolation(CHECK, named, ids.size() + " row(s) of " + table + " " + what + ": "
                + String.join(", ", named) + (ids.size() > named.size() ? ", …" : "")));
    }

    private static String quoted(List<String> columns) {
        return columns.stream().map(column -> "\"" + column + "\"").collect(Collectors.joining(", "));
    }

    /** The tables of the query side's JPA entities: the read models. */
    private List<String> readModelTables() {
        TreeSet<String> tables = new TreeSet<>();
        for (EntityType<?> entity : entityManagerFactory.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            Table table = type.getAnnotation(Table.class);
            if (type.getPackageName().startsWith("com.novabilling.query.") && table != null && !table.name().isBlank()) {
                tables.add(table.name());
            }
        }
        return List.copyOf(tables);
    }

    /**
     * Waits (at most {@link #CATCH_UP}) until each read-model processor has passed the last event it handles up to
     * the head (a processor is woken only by events it handles, so its token may stand before later events of
     * others); the groups still behind then, or null.
     */
    private static String behind(TenantAxonRuntime runtime, Map<String, Long> lastHandled) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            Map<String, EventProcessor> processors = runtime.eventProcessors();
            List<String> behind = lastHandled.entrySet().stream()
                    .filter(entry -> processors.get(entry.getKey()) instanceof StreamingEventProcessor streaming
                            && streaming.processingStatus().values().stream().anyMatch(segment ->
                            segment.getCurrentPosition().orElse(-1) < entry.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (behind.isEmpty()) {
                return null;
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return String.join(", ", behind);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
