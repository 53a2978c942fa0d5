package com.novabilling.command.reference;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers a read of a {@link SameTransaction} lookup table for the rest of the root unit of work. Those tables change
 * only when a unit of work's events are published, which for commands sent within it (nested units of work) is at the
 * root's commit — so within one root unit of work a lookup answers the same every time it is asked, and asking once is
 * enough. A billing run issues an invoice per subscription in one processor batch and reads the same plan, terms and
 * tenant settings for each; this keeps those reads to one a batch. Outside a unit of work nothing is remembered.
 * <p>
 * Only answers are remembered (a lookup that throws is asked again), and only reads of tables that the unit of work
 * does not write itself with plain SQL — never a row read to be locked. A read model (the plan's charges) may be
 * remembered too where one answer for the whole unit of work is wanted: a batch rated against one snapshot of it —
 * and so may a record the unit of work keeps of what it has done so far (what the invoices of a batch consumed).
 */
public final class UnitOfWorkMemo {

    private static final String RESOURCE = UnitOfWorkMemo.class.getName();

    private UnitOfWorkMemo() {
    }

    /** @param key what was read and of what, e.g. {@code "subscription:" + id}; unique across lookups */
    @SuppressWarnings("unchecked")
    public static <T> T remember(String key, Supplier<T> read) {
        if (!CurrentUnitOfWork.isStarted()) {
            return read.get();
        }
        Map<String, Object> memo = CurrentUnitOfWork.get().root()
                .getOrComputeResource(RESOURCE, name -> new HashMap<String, Object>());
        Object known = memo.get(key);
        if (known == null) {
            known = read.get();
            memo.put(key, known);
        }
        return (T) known;
    }
}
