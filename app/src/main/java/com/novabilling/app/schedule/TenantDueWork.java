package com.novabilling.app.schedule;

import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.subscription.SubscriptionScheduleTable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs a tenant's due work up to the tenant's own now: its subscriptions' transitions (trial ends, period closes,
 * cancellations and changes at period end) and its sagas' and aggregates' Axon deadlines. Each due subscription gets
 * one {@link AdvanceSubscriptionCommand}, which applies every transition due up to now in order and closes a period
 * only once however often it is sent (docs/billing-rules.md §10.7); a deadline is deleted in the transaction that
 * delivers it. Running this twice, or on two nodes at once, changes nothing more.
 */
@Component
public class TenantDueWork implements AutoCloseable {

    private static final int PAGE = 500;

    private final TenantRuntimeRegistry runtimes;
    private final CommandGateway commandGateway;
    private final SubscriptionScheduleTable schedule;
    private final Clock clock;
    /** Subscriptions are independent: a page of them is advanced by a few threads at once (node-wide, bounded). */
    private final ExecutorService advancers;

    public TenantDueWork(TenantRuntimeRegistry runtimes, CommandGateway commandGateway,
                         SubscriptionScheduleTable schedule, Clock clock,
                         @Value("${novabilling.schedule.advance-threads:4}") int advanceThreads) {
        this.runtimes = runtimes;
        this.commandGateway = commandGateway;
        this.schedule = schedule;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.advancers = Executors.newFixedThreadPool(Math.max(1, advanceThreads), runnable -> {
            Thread thread = new Thread(runnable, "due-work-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Runs what is due now for the tenant; the next instant something will be due, if any. */
    public Optional<Instant> runDue(String tenantId) {
        try (TenantContext.Scope ignored = TenantContext.open(tenantId);
             TenantRuntimeRegistry.Lease inUse = runtimes.lease(tenantId)) {
            Instant now = clock.instant();
            Set<String> advanced = new HashSet<>();
            while (true) {
                List<String> due = schedule.dueBy(now, PAGE + advanced.size()).stream()
                        .filter(id -> !advanced.contains(id))
                        .toList();
                if (due.isEmpty()) {
                    break;
                }
                advance(tenantId, due);
                advanced.addAll(due);
            }
            Optional<Instant> nextTransition = schedule.nextDueAfter(now);
            Optional<Instant> nextDeadline = runtimes.require(tenantId).runDueDeadlines(now);
            return Stream.of(nextTransition, nextDeadline).flatMap(Optional::stream).min(Instant::compareTo);
        }
    }

    /** One command per subscription, several at once; the first failure is rethrown once all have run. */
    private void advance(String tenantId, List<String> subscriptionIds) {
        List<Future<?>> sent = new ArrayList<>();
        for (String subscriptionId : subscriptionIds) {
            sent.add(advancers.submit(() -> {
                try (TenantContext.Scope ignored = TenantContext.open(tenantId)) {
                    commandGateway.sendAndWait(new AdvanceSubscriptionCommand(subscriptionId, null));
                }
            }));
        }
        RuntimeException failure = null;
        for (Future<?> future : sent) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while advancing subscriptions", e);
            } catch (ExecutionException e) {
                RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (failure == null) {
                    failure = cause;
                } else {
                    failure.addSuppressed(cause);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        advancers.shutdownNow();
    }
}
