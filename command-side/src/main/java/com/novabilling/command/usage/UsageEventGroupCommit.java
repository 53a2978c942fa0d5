package com.novabilling.command.usage;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for single usage events (docs/billing-rules.md §11): the events that one tenant's concurrent requests
 * bring while its previous insert is committing are stored together, in one statement and one durable commit, and
 * each request is answered after that commit. A commit costs PostgreSQL more than the rows it carries, so four
 * clients sending one event each share one commit instead of queueing for four.
 * <p>
 * One lane per tenant on this node, with at most {@code novabilling.usage.commits-at-once} commits under way: a
 * request whose event is still waiting when a commit slot is free takes every waiting event (its own included) into
 * the next commit; the others wait until a commit ends and find their event stored. Two events with the same transaction
 * id in one commit: the first is inserted, the later one is answered as not inserted (its request then reads the
 * stored original, as for a retry). If the statement fails, nothing of it is stored and every request in it gets the
 * failure. Across nodes the unique key on {@code transaction_id} decides, as for batches.
 */
@Component
public class UsageEventGroupCommit {

    private final UsageEventLedger ledger;
    private final int maxEventsPerCommit;
    private final int commitsAtOnce;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    public UsageEventGroupCommit(UsageEventLedger ledger,
                                 @Value("${novabilling.limits.max-batch-events:1000}") int maxEventsPerCommit,
                                 @Value("${novabilling.usage.commits-at-once:1}") int commitsAtOnce) {
        this.ledger = ledger;
        this.maxEventsPerCommit = Math.max(1, maxEventsPerCommit);
        this.commitsAtOnce = Math.max(1, commitsAtOnce);
    }

    /**
     * Stores the event, received at {@code receivedAt}, once it and whatever else of the tenant is waiting are
     * committed; true if it was inserted now, false if its transaction id was already stored.
     */
    public boolean insert(String tenantId, UsageEventLedger.NewUsageEvent event, Instant receivedAt) {
        Lane lane = lanes.computeIfAbsent(tenantId, id -> new Lane());
        Waiting mine = new Waiting(event, receivedAt);
        lane.lock.lock();
        try {
            lane.waiting.add(mine);
            while (!mine.done) {
                if (lane.committing < commitsAtOnce && !lane.waiting.isEmpty()) {
                    commitWaiting(lane);
                } else {
                    lane.commitEnded.awaitUninterruptibly();
                }
            }
        } finally {
            lane.lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.inserted;
    }

    /** Events of the tenant waiting for a commit (for tests). */
    int waiting(String tenantId) {
        Lane lane = lanes.get(tenantId);
        if (lane == null) {
            return 0;
        }
        lane.lock.lock();
        try {
            return lane.waiting.size();
        } finally {
            lane.lock.unlock();
        }
    }

    /**
     * Called holding the lane's lock: takes up to {@code maxEventsPerCommit} waiting events and stores them in one
     * statement and commit with the lock released, so that the next requests queue (or commit beside it).
     */
    private void commitWaiting(Lane lane) {
        List<Waiting> taken = new ArrayList<>();
        List<Waiting> toInsert = new ArrayList<>();
        Set<String> transactionIds = new HashSet<>();
        Waiting next;
        while (taken.size() < maxEventsPerCommit && (next = lane.waiting.poll()) != null) {
            taken.add(next);
            next.first = transactionIds.add(next.event.transactionId());
            if (next.first) {
                toInsert.add(next);
            }
        }
        lane.committing++;
        Set<String> inserted = Set.of();
        RuntimeException failure = null;
        lane.lock.unlock();
        try {
            inserted = ledger.insert(toInsert.stream().map(waiting -> waiting.event).toList(),
                    toInsert.stream().map(waiting -> waiting.receivedAt).toList());
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lane.lock.lock();
            lane.committing--;
            for (Waiting waiting : taken) {
                waiting.inserted = waiting.first && inserted.contains(waiting.event.transactionId());
                waiting.failure = failure;
                waiting.done = true;
            }
            lane.commitEnded.signalAll();
        }
    }

    /** A tenant's events waiting for a commit and the commits under way, guarded by {@code lock}. */
    private static final class Lane {
        final ReentrantLock lock = new ReentrantLock();
        final Condition commitEnded = lock.newCondition();
        final Queue<Waiting> waiting = new ArrayDeque<>();
        int committing;
    }

    /** Guarded by its lane's lock. */
    private static final class Waiting {
        final UsageEventLedger.NewUsageEvent event;
        final Instant receivedAt;
        boolean first;
        boolean done;
        boolean inserted;
        RuntimeException failure;

        Waiting(UsageEventLedger.NewUsageEvent event, Instant receivedAt) {
            this.event = event;
            this.receivedAt = receivedAt;
        }
    }
}
