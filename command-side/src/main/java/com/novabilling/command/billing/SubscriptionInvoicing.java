package com.novabilling.command.billing;

import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.PlanChangeTiming;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.PlanChangeMoney;
import com.novabilling.billing.invoice.PlanChangeSettlement;
import com.novabilling.billing.invoice.PlanTerms;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Bills subscriptions at their boundaries (docs/billing-rules.md §13.1): the start of the first paid period (at
 * creation, or when the trial ends) and each period's close; and settles what cuts a period (§12): immediate
 * upgrades and cancellations. Runs in its own streaming processing group after the
 * subscription's events are committed; it never replays (the invoices' own events are the record of what was
 * billed), and a redelivered event finds its invoice already issued.
 */
@Component
@ProcessingGroup(SubscriptionInvoicing.PROCESSING_GROUP)
@DisallowReplay
public class SubscriptionInvoicing {

    public static final String PROCESSING_GROUP = "subscription-invoicing";

    private final RecurringInvoices invoices;

    public SubscriptionInvoicing(RecurringInvoices invoices) {
        this.invoices = invoices;
    }

    @EventHandler
    public void on(SubscriptionCreatedEvent event) {
        if (event.status() != SubscriptionStatus.ACTIVE) {
            return; // a trial bills nothing; its end opens the first paid period
        }
        // a calendar-aligned first period (§10.2) starts after its anchor: it is billed its share of the full period
        ProrationFacts share = event.anchor() != null && event.anchor().isBefore(event.currentPeriodStart())
                ? ProrationFacts.at(new BillingPeriod(event.anchor(), event.currentPeriodEnd()), 0,
                event.currentPeriodStart())
                : null;
        invoices.issue(event.subscriptionId(), event.currency(), event.currentPeriodStart(), null,
                new RecurringInvoices.OpeningPeriod(event.currentPeriodStart(), event.currentPeriodEnd(),
                        event.planId(), event.billingInterval(), event.price(), share));
    }

    @EventHandler
    public void on(SubscriptionTrialEndedEvent event) {
        invoices.issue(event.subscriptionId(), event.currency(), event.currentPeriodStart(), null,
                new RecurringInvoices.OpeningPeriod(event.currentPeriodStart(), event.currentPeriodEnd(),
                        event.planId(), event.billingInterval(), event.price()));
    }

    /** An immediate upgrade (§12): credit the old plan's unused time, bill the new plan's remaining part now. */
    @EventHandler
    public void on(SubscriptionPlanChangedEvent event) {
        if (event.duringTrial() || event.timing() != PlanChangeTiming.IMMEDIATE || event.secondsRemaining() == 0) {
            return; // a trial bills nothing; a change at period end is billed by the period's close
        }
        BillingPeriod period = new BillingPeriod(event.periodStart(), event.periodEnd());
        ProrationFacts atChange = new ProrationFacts(event.periodSeconds(), event.secondsUsed(),
                event.secondsRemaining());
        PlanTerms oldPlan = invoices.planTerms(event.oldPlanId(), event.oldPrice(), event.oldBillingInterval());
        PlanTerms newPlan = invoices.planTerms(event.newPlanId(), event.newPrice(), event.newBillingInterval());
        List<FeeLine> oldPlanUsage = invoices.usageLines(event.subscriptionId(), event.oldPlanId(), event.currency(),
                event.periodStart(), event.changedAt());
        PlanChangeSettlement settlement = event.anchorKept()
                ? PlanChangeMoney.upgrade(oldPlan, newPlan, period, atChange, event.changedAt(), oldPlanUsage)
                : PlanChangeMoney.upgradeToOtherInterval(oldPlan, newPlan, period, atChange, event.changedAt(),
                new BillingPeriod(event.currentPeriodStart(), event.currentPeriodEnd()), oldPlanUsage);
        invoices.settle(event.subscriptionId(), event.currency(), event.newPlanId(), event.oldPlanId(),
                event.periodStart(), event.changedAt(), settlement, "Unused time on " + oldPlan.name()
                        + " after the change to " + newPlan.name());
    }

    /** Cancel now (§12): credit the unused time billed in advance, bill the used part in arrears and the usage. */
    @EventHandler
    public void on(SubscriptionCanceledEvent event) {
        if (event.timing() != CancelTiming.NOW || event.previousStatus() == SubscriptionStatus.TRIALING
                || event.periodStart() == null) {
            return; // at period end the period's close bills it; a trial bills nothing
        }
        BillingPeriod period = new BillingPeriod(event.periodStart(), event.periodEnd());
        ProrationFacts atCancel = new ProrationFacts(event.periodSeconds(), event.secondsUsed(),
                event.secondsRemaining());
        PlanTerms plan = invoices.planTerms(event.planId(), event.price(), invoices.intervalOf(event.planId()));
        List<FeeLine> usage = invoices.usageLines(event.subscriptionId(), event.planId(), event.currency(),
                event.periodStart(), event.canceledAt());
        invoices.settle(event.subscriptionId(), event.currency(), event.planId(), event.planId(), event.periodStart(),
                event.canceledAt(), PlanChangeMoney.cancelNow(plan, period, atCancel, event.canceledAt(), usage),
                "Unused time on " + plan.name() + " after the cancellation");
    }

    @EventHandler
    public void on(SubscriptionPeriodClosedEvent event) {
        RecurringInvoices.ClosedPeriod closed = new RecurringInvoices.ClosedPeriod(event.periodStart(),
                event.periodEnd(), event.planId(), event.billingInterval(), event.price(), event.planEffectiveFrom(),
                event.pausedSeconds());
        RecurringInvoices.OpeningPeriod opening = event.finalPeriod() ? null
                : new RecurringInvoices.OpeningPeriod(event.nextPeriodStart(), event.nextPeriodEnd(),
                        event.nextPlanId(), event.nextBillingInterval(), event.nextPrice());
        invoices.issue(event.subscriptionId(), event.currency(), event.periodEnd(), closed, opening);
    }
}
