package com.novabilling.command.billing;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.invoice.RefreshDraftInvoiceUsageCommand;
import com.novabilling.command.usage.LateUsageListener;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Late usage re-rated into drafts (docs/billing-rules.md §13.3): when late events of a subscription are stored, each
 * DRAFT invoice whose usage window they fall in is re-rated at once, so the draft shows them during its grace period
 * (it is re-rated once more as it finalizes). A late event of a period whose invoice is already finalized never
 * revises it: {@link ClosedPeriodReRating} turns the difference into an adjustment or a credit note (§16).
 */
@Component
public class DraftInvoiceReRating implements LateUsageListener {

    private static final Logger log = LoggerFactory.getLogger(DraftInvoiceReRating.class);

    private final BilledUsageWindowTable windows;
    private final CommandGateway commands;
    private final ClosedPeriodReRating closedPeriods;

    public DraftInvoiceReRating(BilledUsageWindowTable windows, CommandGateway commands,
                                ClosedPeriodReRating closedPeriods) {
        this.windows = windows;
        this.commands = commands;
        this.closedPeriods = closedPeriods;
    }

    @Override
    public void lateUsageStored(String subscriptionId, Instant earliest, Instant latest) {
        // the window's end is exclusive: one microsecond (the ledger's precision) past the latest event
        Instant end = latest.plusNanos(1_000);
        for (String invoiceId : windows.draftsBilling(subscriptionId, earliest, end)) {
            try {
                commands.sendAndWait(new RefreshDraftInvoiceUsageCommand(invoiceId));
            } catch (ConflictException finalizedMeanwhile) {
                // its grace period ended in between: it took in the usage stored so far as it finalized
            } catch (RuntimeException notNow) {
                // the events are stored; the draft takes them in at the latest as it finalizes
                log.warn("late usage of {} not re-rated into draft {} now: {}", subscriptionId, invoiceId,
                        notNow.toString());
            }
        }
        // then the finalized ones (§16), also a draft that finalized meanwhile without these events
        try {
            closedPeriods.reRate(subscriptionId, earliest, end);
        } catch (RuntimeException notNow) {
            // the events are stored and acknowledged; the window's next late event re-rates them with it
            log.warn("late usage of {} not re-rated into finalized periods now: {}", subscriptionId,
                    notNow.toString());
        }
    }
}
