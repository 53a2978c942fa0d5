package com.novabilling.command.billing;

import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Bills subscriptions at their boundaries (docs/billing-rules.md §13.1): the start of the first paid period (at
 * creation, or when the trial ends) and each period's close. Runs in its own streaming processing group after the
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
        invoices.issue(event.subscriptionId(), event.currency(), event.currentPeriodStart(), null,
                new RecurringInvoices.OpeningPeriod(event.currentPeriodStart(), event.currentPeriodEnd(),
                        event.planId(), event.billingInterval(), event.price()));
    }

    @EventHandler
    public void on(SubscriptionTrialEndedEvent event) {
        invoices.issue(event.subscriptionId(), event.currency(), event.currentPeriodStart(), null,
                new RecurringInvoices.OpeningPeriod(event.currentPeriodStart(), event.currentPeriodEnd(),
                        event.planId(), event.billingInterval(), event.price()));
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
