package com.novabilling.api.invoice;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * A plan change or cancellation at {@code until} cut the period a DRAFT invoice bills the plan's base fee for in
 * advance (docs/billing-rules.md §12, §13.3): the draft bills only the part before the change, {@code unusedTime} less
 * — what an issued invoice would get back as an ORDER_CHANGE credit note. Refused (409) once the invoice is issued
 * (then the credit note is the correction) or when the draft has no such fee; the same cut again changes nothing.
 */
public record ShortenDraftSubscriptionFeeCommand(
        @TargetAggregateIdentifier String invoiceId,
        String planId,
        Instant until,
        Money unusedTime) {
}
