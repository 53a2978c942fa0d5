package com.novabilling.command.billing;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedWithoutDifferenceEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentBilledEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.lateusage.LateUsagePolicy;
import com.novabilling.api.lateusage.MarkLateUsageAdjustmentBilledCommand;
import com.novabilling.api.lateusage.ReRateClosedUsageWindowCommand;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import com.novabilling.command.creditnote.CreditNoteIds;
import com.novabilling.command.invoice.InvoiceIds;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The re-ratings of one finalized invoice's usage window (docs/billing-rules.md §16): what has been billed for the
 * window so far — the original invoice's usage, then each adjustment — so that late usage bills only the difference
 * once. Created by the first re-rating that finds a difference or a new rating; a re-rating to the same money from
 * other events records only the rating, and one that finds the rating already recorded records nothing (re-rating
 * twice adds nothing). The original invoice is never touched: an increase is an ADJUSTMENT on the next
 * invoice or an adjustment invoice, a decrease a credit note against the original.
 */
@Aggregate
public class ClosedUsageWindow {

    @AggregateIdentifier
    private String reRatingId;
    private String subscriptionId;
    private Money billed;
    private int adjustments;
    /** The fingerprint of the window's last recorded rating; null until one is recorded. */
    private String rating;
    /** NEXT_INVOICE adjustments: the invoice that billed each, null while pending. */
    private final Map<String, String> billedOn = new HashMap<>();

    protected ClosedUsageWindow() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReRateClosedUsageWindowCommand command) {
        if (command.originalUsage() == null || command.originalUsage().currency() != command.currency()) {
            throw new ValidationException("originalUsage", "must be in the invoice's currency " + command.currency());
        }
        for (InvoiceLine line : command.reRatedLines()) {
            if (line.type() != InvoiceLineType.USAGE || line.amount().currency() != command.currency()) {
                throw new ValidationException("reRatedLines", "must be USAGE lines in " + command.currency());
            }
        }
        Money before = billed == null ? command.originalUsage() : billed;
        LateUsageAdjustment.Difference found = LateUsageAdjustment.difference(before, List.of(),
                command.reRatedLines());
        if (found.difference().isZero()) {
            String reRating = LateUsageAdjustment.ratingFingerprint(command.reRatedLines());
            String recorded = rating != null ? rating : command.originalRating();
            if (recorded != null && !recorded.equals(reRating)) {
                apply(new ClosedUsageWindowReRatedWithoutDifferenceEvent(command.reRatingId(),
                        command.originalInvoiceId(), command.subscriptionId(), command.window(),
                        command.reRatedLines(), command.reRatedAt()));
            }
            return; // billed as rated: nothing to adjust
        }
        int number = adjustments + 1;
        String adjustmentId = LateUsageIds.adjustment(command.reRatingId(), number);
        LateUsageAdjustmentKind kind;
        String documentId;
        InvoiceLine line = null;
        if (found.isDecrease()) {
            kind = LateUsageAdjustmentKind.CREDIT_NOTE;
            documentId = CreditNoteIds.forLateUsageAdjustment(adjustmentId);
        } else {
            line = LateUsageAdjustment.adjustmentLine(command.originalInvoiceId(), command.window().from(),
                    command.window().to(), found.difference(), command.reRatedLines()).line();
            if (command.policy() == LateUsagePolicy.ADJUSTMENT_INVOICE || command.subscriptionEnded()) {
                kind = LateUsageAdjustmentKind.ADJUSTMENT_INVOICE;
                documentId = InvoiceIds.forLateUsageAdjustment(adjustmentId);
            } else {
                kind = LateUsageAdjustmentKind.NEXT_INVOICE;
                documentId = null;
            }
        }
        apply(new ClosedUsageWindowReRatedEvent(command.reRatingId(), command.originalInvoiceId(),
                command.subscriptionId(), command.customerId(), command.currency(), command.window(), adjustmentId,
                number, command.reRatedLines(), found.billedBefore(), found.reRated(), found.difference(), kind,
                documentId, line, command.reRatedAt()));
    }

    /** A pending NEXT_INVOICE adjustment billed: once, by one invoice (the same invoice again changes nothing). */
    @CommandHandler
    public void handle(MarkLateUsageAdjustmentBilledCommand command) {
        if (command.invoiceId() == null || command.invoiceId().isBlank()) {
            throw new ValidationException("invoiceId", "is required");
        }
        if (!billedOn.containsKey(command.adjustmentId())) {
            throw new ConflictException("Late usage adjustment '" + command.adjustmentId()
                    + "' is not one waiting for the next invoice");
        }
        String invoiceId = billedOn.get(command.adjustmentId());
        if (invoiceId == null) {
            apply(new LateUsageAdjustmentBilledEvent(reRatingId, command.adjustmentId(), subscriptionId,
                    command.invoiceId()));
        } else if (!invoiceId.equals(command.invoiceId())) {
            throw new ConflictException("Late usage adjustment '" + command.adjustmentId()
                    + "' has already been billed by " + invoiceId);
        }
    }

    @EventSourcingHandler
    void on(ClosedUsageWindowReRatedEvent event) {
        reRatingId = event.reRatingId();
        subscriptionId = event.subscriptionId();
        billed = event.reRatedUsage();
        adjustments = event.adjustmentNumber();
        rating = LateUsageAdjustment.ratingFingerprint(event.reRatedLines());
        if (event.kind() == LateUsageAdjustmentKind.NEXT_INVOICE) {
            billedOn.put(event.adjustmentId(), null);
        }
    }

    @EventSourcingHandler
    void on(ClosedUsageWindowReRatedWithoutDifferenceEvent event) {
        reRatingId = event.reRatingId();
        subscriptionId = event.subscriptionId();
        rating = LateUsageAdjustment.ratingFingerprint(event.reRatedLines());
    }

    @EventSourcingHandler
    void on(LateUsageAdjustmentBilledEvent event) {
        billedOn.put(event.adjustmentId(), event.invoiceId());
    }
}
