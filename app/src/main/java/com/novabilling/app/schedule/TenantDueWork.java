package com.novabilling.app.schedule;

import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.subscription.SubscriptionScheduleTable;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs a tenant's due work up to the tenant's own now: its subscriptions' transitions (trial ends, period closes,
 * cancellations and changes at period end) and its sagas' and aggregates' Axon deadlines. Each due subscription gets
 * one {@link AdvanceSubscriptionCommand}, which applies every transition due up to now in order and closes a period
 * only once however often it is sent (docs/billing-rules.md §10.7); a deadline is deleted in the transaction that
 * delivers it. Running this twice, or on two nodes at once, changes nothing more.
 */
@Component
public class TenantDueWork {

    private static final int PAGE = 500;

    private final TenantRuntimeRegistry runtimes;
    private final CommandGateway commandGateway;
    private final SubscriptionScheduleTable schedule;
    private final Clock clock;

    public TenantDueWork(TenantRuntimeRegistry runtimes, CommandGateway commandGateway,
                             SubscriptionScheduleTable schedule, Clock clock) {
        this.runtimes = runtimes;
        this.commandGateway = commandGateway;
        this.schedule = schedule;
        this.clock = clock;
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
                for (String subscriptionId : due) {
                    commandGateway.sendAndWait(new AdvanceSubscriptionCommand(subscriptionId, null));
                    advanced.add(subscriptionId);
                }
            }
            Optional<Instant> nextTransition = schedule.nextDueAfter(now);
            Optional<Instant> nextDeadline = runtimes.require(tenantId).runDueDeadlines(now);
            return Stream.of(nextTransition, nextDeadline).flatMap(Optional::stream).min(Instant::compareTo);
        }
    }
}
