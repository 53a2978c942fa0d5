package com.novabilling.query.readmodel;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The base of a resource's projection: one class per read model holds its event handlers and its query handlers
 * (docs/new-feature-checklist.md §3), so read-your-writes knows the processing group a query waits for
 * (docs/architecture.md §6). Rows are upserted by id, so a redelivered event changes nothing; a reset empties the
 * resource's tables.
 *
 * @param <E> the resource's row
 * @param <R> its repository
 */
public abstract class ReadModelProjection<E extends ReadModelRow, R extends JpaRepository<E, String>> {

    public static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    /** The resource's rows, for the subclass's own queries. */
    protected final R rows;
    private final String resource;
    private final Supplier<E> newRow;
    private final List<JpaRepository<?, ?>> dependentTables;

    /**
     * @param resource        the resource's name in messages ("Billable metric"), as a 404 names it
     * @param dependentTables further tables of the same projection, emptied before {@code rows} on a reset
     */
    protected ReadModelProjection(String resource, R rows, Supplier<E> newRow,
                                  JpaRepository<?, ?>... dependentTables) {
        this.resource = resource;
        this.rows = rows;
        this.newRow = newRow;
        this.dependentTables = List.of(dependentTables);
    }

    /** A creating event: the row — new, created at the event's time, or found again on a redelivery — changed. */
    protected void create(String id, Instant at, Consumer<E> change) {
        E row = rows.findById(id).orElseGet(() -> {
            E created = newRow.get();
            created.id = id;
            created.createdAt = at;
            created.markUnsaved();
            return created;
        });
        change.accept(row);
        row.updatedAt = at;
        rows.save(row);
    }

    /** A changing event: the existing row changed and marked updated at the event's time. */
    protected void update(String id, Instant at, Consumer<E> change) {
        E row = existing(id);
        change.accept(row);
        row.updatedAt = at;
        rows.save(row);
    }

    /** The row a changing event names; missing, events were skipped, and the projection must not guess. */
    protected E existing(String id) {
        return rows.findById(id).orElseThrow(() -> new IllegalStateException(
                resource + " " + id + " changed but is not in the read model"));
    }

    protected void save(E row) {
        rows.save(row);
    }

    protected void delete(String id) {
        rows.deleteById(id);
    }

    @ResetHandler
    public void reset() {
        dependentTables.forEach(JpaRepository::deleteAllInBatch);
        rows.deleteAllInBatch();
    }

    /** The row a query names, or a 404 that reads the same for a missing id and another tenant's. */
    protected E find(String id) {
        return find(rows, resource, id);
    }

    /** A row of one of the projection's other tables, or a 404 naming {@code resource} ("Applied coupon"). */
    protected static <T> T find(JpaRepository<T, String> table, String resource, String id) {
        return table.findById(id).orElseThrow(() -> new NotFoundException(resource, id));
    }

    /** An applying event: the applied row is inserted once, so a redelivery changes nothing. */
    protected static <A extends AppliedRow> void insertOnce(JpaRepository<A, String> table, A applied) {
        if (!table.existsById(applied.id)) {
            table.save(applied);
        }
    }

    /** A removing event: the applied row stays, as history, marked removed at the event's time. */
    protected static <A extends AppliedRow> void markRemoved(JpaRepository<A, String> table, String resource,
                                                             String id, Instant at) {
        changeApplied(table, resource, id, "removed", applied -> applied.markRemoved(at));
    }

    /** A later event on an applied row, which its applying event put in the read model first. */
    protected static <A extends AppliedRow> void changeApplied(JpaRepository<A, String> table, String resource,
                                                               String id, String happened, Consumer<A> change) {
        A applied = table.findById(id).orElseThrow(() -> new IllegalStateException(
                resource + " " + id + " was " + happened + " but is not in the read model"));
        change.accept(applied);
        table.save(applied);
    }

    /** Page {@code page} (from 1) of {@code limit} rows in {@code sort} order. */
    protected static Pageable pageable(int page, int limit, Sort sort) {
        return PageRequest.of(page - 1, limit, sort);
    }

    protected static <T, V> PageResult<V> pageResult(Page<T> rows, Function<T, V> view, int page, int limit) {
        return PageResult.of(rows.map(view).getContent(), rows.getTotalElements(), page, limit);
    }
}
