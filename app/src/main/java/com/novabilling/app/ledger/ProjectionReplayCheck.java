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
 * empty copy of each read-model table ({@code LIKE … INCLUDING ALL}), the transaction's {@code search_path} is set to
 * that schema alone (so the projections' unqualified SQL writes there, and a table left out fails instead of touching
 * the real one), every event up to the head is handed to the projections' own handlers, and then each table is
 * compared with the real one row by row (an md5 of each row's columns, keyed by id). Nothing of it survives the
 * request.
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

    Outcome run(TenantAxonRuntime runtime, long head) {
        if (!caughtUp(runtime, head)) {
            return new Outcome(0, 0, List.of(), "the projections had not caught up with the event store's head "
                    + head + " within " + CATCH_UP.toSeconds() + " s; comparing would report their lag");
        }
        List<String> tables = readModelTables();
        List<EventMessageHandler> handlers = runtime.readModelHandlers();
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
            jdbc.execute("SET LOCAL search_path TO " + scratch);
            long events = replay(runtime, head, handlers, entityManager);
            entityManager.flush();
            entityManager.clear();
            jdbc.execute("SET LOCAL search_path TO public");
            List<LedgerViolation> violations = new ArrayList<>();
            long rows = 0;
            for (String table : tables) {
                rows += compare(scratch, table, violations);
            }
            return new Outcome(events, rows, violations, null);
        });
    }

    private static long replay(TenantAxonRuntime runtime, long head, List<EventMessageHandler> handlers,
                               EntityManager entityManager) {
        long events = 0;
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
                for (EventMessageHandler handler : handlers) {
                    if (handler.canHandle(event)) {
                        ResultMessage<?> result = DefaultUnitOfWork.startAndGet(event)
                                .executeWithResult(() -> handler.handle(event));
                        if (result.isExceptional()) {
                            throw new IllegalStateException("replaying event " + event.getIdentifier() + " ("
                                    + event.getPayloadType().getSimpleName() + ") failed: "
                                    + result.exceptionResult().getMessage(), result.exceptionResult());
                        }
                    }
                }
                if (events % FLUSH_EVERY == 0) {
                    entityManager.flush();
                    entityManager.clear();
                }
                if (event.trackingToken().position().orElse(-1) >= head) {
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

    /** Waits (at most {@link #CATCH_UP}) until every read-model processor has handled the head. */
    private static boolean caughtUp(TenantAxonRuntime runtime, long head) {
        long deadline = System.nanoTime() + CATCH_UP.toNanos();
        while (true) {
            Map<String, EventProcessor> processors = runtime.eventProcessors();
            boolean all = runtime.readModelGroups().stream().allMatch(group ->
                    !(processors.get(group) instanceof StreamingEventProcessor streaming)
                            || streaming.processingStatus().values().stream().allMatch(segment ->
                            segment.getCurrentPosition().orElse(-1) >= head));
            if (all) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0 || Thread.currentThread().isInterrupted()) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }
}
