package com.novabilling.api.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;

import java.time.Instant;

/**
 * The subscription moved from the old plan to the new one at {@code changedAt} (docs/billing-rules.md §10, §12).
 * Everything invoicing needs to prorate is here; no money is computed:
 * <ul>
 *   <li>{@code periodStart}/{@code periodEnd}: the period the change happened in (the trial while TRIALING, the
 *       period just closed when a pending change is applied at its end);</li>
 *   <li>{@code periodSeconds} = {@code secondsUsed} + {@code secondsRemaining} at {@code changedAt}, paused
 *       seconds excluded (0 remaining for a change at period end);</li>
 *   <li>{@code anchorKept}: the same interval keeps the anchor and the current period; another interval restarts
 *       the schedule at {@code changedAt} ({@code anchor}, with {@code anchorShiftSeconds} 0) and the old period is
 *       cut there;</li>
 *   <li>{@code currentPeriodStart}/{@code currentPeriodEnd}/{@code periodPausedSeconds}: the subscription's period
 *       after the change.</li>
 * </ul>
 */
public record SubscriptionPlanChangedEvent(
        String subscriptionId,
        PlanChangeKind kind,
        PlanChangeTiming timing,
        boolean duringTrial,
        Instant changedAt,
        CurrencyCode currency,
        String oldPlanId,
        BillingInterval oldBillingInterval,
        Money oldPrice,
        String newPlanId,
        BillingInterval newBillingInterval,
        Money newPrice,
        Instant periodStart,
        Instant periodEnd,
        long periodSeconds,
        long secondsUsed,
        long secondsRemaining,
        boolean anchorKept,
        Instant anchor,
        long anchorShiftSeconds,
        Instant currentPeriodStart,
        Instant currentPeriodEnd,
        long periodPausedSeconds) {
}
