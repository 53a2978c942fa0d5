package com.novabilling.command.invoice;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.invoice.FinalizeInvoiceCommand;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceCreditAllocatedEvent;
import com.novabilling.api.invoice.InvoiceCreditNoteAppliedEvent;
import com.novabilling.api.invoice.InvoiceCreditReleasedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceEmailAttemptedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoicePaymentRecordedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.InvoiceWalletCreditsAppliedEvent;
import com.novabilling.api.invoice.MarkInvoicePaidCommand;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;
import com.novabilling.api.invoice.RecordInvoiceEmailAttemptCommand;
import com.novabilling.api.invoice.RefreshDraftInvoiceUsageCommand;
import com.novabilling.api.invoice.ShortenDraftSubscriptionFeeCommand;
import com.novabilling.api.invoice.VoidInvoiceCommand;
import com.novabilling.api.metadata.Metadata;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.InvalidAmountException;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.DraftRevision;
import com.novabilling.billing.invoice.WalletPayment;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.subscription.SubscriptionLookup.SubscriptionFacts;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An invoice and its lifecycle {@code DRAFT → FINALIZED → PAID | VOIDED} (docs/billing-rules.md §6, issue 12 item 4).
 * Its lines and totals are computed before it is created (one-off items by {@link OneOffInvoiceLines}, a
 * subscription's period by the billing engine) and only checked here: the totals must be the sums of the lines. A
 * draft that bills a usage window is re-rated with the window's late usage during its grace period (by
 * {@link RefreshDraftInvoiceUsageCommand}, and once more as it finalizes, from {@link DraftInvoiceUsage}); finalizing gives it the tenant's next number (taken from
 * {@link InvoiceNumbers} in this command's transaction) and its due date, after which it never changes except by
 * payments and voiding. "Now" is the tenant's {@link Clock}, a handler parameter.
 */
@Aggregate
public class Invoice {

    @AggregateIdentifier
    private String invoiceId;
    private String customerId;
    private String subscriptionId;
    private CurrencyCode currency;
    private InvoiceStatus status;
    private Instant dueDate;
    private List<InvoiceLine> lines;
    private InvoiceTotals totals;
    /** The usage the invoice bills, re-rated while it is a draft; null when it bills none. */
    private InvoiceUsageWindow usageWindow;
    /** Created with a grace period: its window's late usage is re-rated into it when it finalizes. */
    private boolean graced;
    private String invoiceNumber;
    /** The live credit notes against this invoice and their amounts (docs/billing-rules.md §14): Σ ≤ total. */
    private Map<String, Money> creditNoteAllocations = new LinkedHashMap<>();
    /** The OFFSET credit notes already applied to the amount due. */
    private Set<String> appliedCreditNotes = new HashSet<>();

    protected Invoice() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Invoice(CreateInvoiceCommand command, CustomerLookup customers, SubscriptionLookup subscriptions,
                   InvoiceNumbers numbers, InvoicePaymentTerms terms, InvoiceWallets wallets, Clock clock) {
        if (command.currency() == null) {
            throw new ValidationException("currency", "is required");
        }
        customers.find(command.customerId()).orElseThrow(() -> new NotFoundException("Customer", command.customerId()));
        if (command.subscriptionId() != null) {
            SubscriptionFacts subscription = subscriptions.find(command.subscriptionId())
                    .orElseThrow(() -> new NotFoundException("Subscription", command.subscriptionId()));
            if (!subscription.customerId().equals(command.customerId())) {
                throw new ValidationException("subscriptionId", "subscription '" + command.subscriptionId()
                        + "' belongs to another customer");
            }
        }
        if (command.periodStart() != null && command.periodEnd() != null
                && !command.periodEnd().isAfter(command.periodStart())) {
            throw new ValidationException("periodEnd", "must be after periodStart");
        }
        requireAddingUp(command.currency(), command.lines(), command.totals());
        if (!command.totals().amountPaid().isZero()) {
            throw new ValidationException("totals", "a new invoice has no payments");
        }
        if (command.finalizeAtOnce() && command.finalizeAt() != null) {
            throw new ValidationException("finalizeAt", "an invoice finalized at once has no grace period");
        }
        apply(new InvoiceCreatedEvent(command.invoiceId(), command.customerId(), command.subscriptionId(),
                command.currency(), command.periodStart(), command.periodEnd(), command.dueDate(), command.notes(),
                Metadata.copyOf(command.metadata()), List.copyOf(command.lines()), command.totals(),
                command.finalizeAt(), command.usageWindow()))
                // in a constructor the event is applied once the handler returns: finalize after it, not before
                .andThen(() -> {
                    if (command.finalizeAtOnce()) {
                        finalizeNow(numbers, terms, wallets, clock);
                    }
                });
    }

    /** Late usage of the draft's window (§13.3): re-rated into it; the same usage changes nothing. */
    @CommandHandler
    public void handle(RefreshDraftInvoiceUsageCommand command, DraftInvoiceUsage usage) {
        requireStatus(InvoiceStatus.DRAFT);
        reRateUsage(usage);
    }

    /** A change cut the period the draft bills in advance (§12): it bills the used part, no credit note needed. */
    @CommandHandler
    public void handle(ShortenDraftSubscriptionFeeCommand command) {
        requireStatus(InvoiceStatus.DRAFT);
        boolean cutBefore = lines.stream().anyMatch(line -> line.type() == InvoiceLineType.SUBSCRIPTION
                && command.planId().equals(line.sourceId()) && command.until().equals(line.periodEnd()));
        if (cutBefore) {
            return;
        }
        DraftRevision.withSubscriptionFeeCut(currency, lines, command.planId(), command.until(), command.unusedTime())
                .ifPresentOrElse(revised -> apply(new InvoiceDraftRevisedEvent(invoiceId, revised.lines(),
                                revised.totals())),
                        () -> {
                            throw new ConflictException("Invoice " + invoiceId + " bills no base fee of plan "
                                    + command.planId() + " past " + command.until() + " that can be shortened by "
                                    + command.unusedTime().toMajor().toPlainString() + " " + currency);
                        });
    }

    @CommandHandler
    public void handle(FinalizeInvoiceCommand command, InvoiceNumbers numbers, InvoicePaymentTerms terms,
                       InvoiceWallets wallets, Clock clock, DraftInvoiceUsage usage) {
        requireStatus(InvoiceStatus.DRAFT);
        if (graced) {
            reRateUsage(usage); // the grace period's late usage is in; nothing after this changes the invoice
        }
        finalizeNow(numbers, terms, wallets, clock);
    }

    /**
     * Issues the invoice: the customer's wallets pay what remains after credit notes (step 5, under the customer's
     * lock, spent in this transaction), then it takes its number and due date; nothing left due makes it PAID.
     */
    private void finalizeNow(InvoiceNumbers numbers, InvoicePaymentTerms terms, InvoiceWallets wallets, Clock clock) {
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        // computed on locals: right after creation (finalizeAtOnce) applied events reach the state only later
        InvoiceTotals issued = totals;
        if (!issued.amountDue().isZero()) {
            Optional<WalletPayment.Result> paid = WalletPayment.atFinalization(currency, lines, issued,
                    wallets.fundsFor(invoiceId, customerId, currency, issuedAt));
            if (paid.isPresent()) {
                wallets.spend(invoiceId, paid.get().draws());
                apply(new InvoiceWalletCreditsAppliedEvent(invoiceId, customerId, paid.get().walletLines(),
                        paid.get().totals()));
                issued = paid.get().totals();
            }
        }
        Integer netDays = null;
        Instant due = dueDate;
        if (due == null) {
            netDays = terms.netPaymentTermsDays(customerId, subscriptionId);
            if (netDays < 0) {
                throw new IllegalStateException("net payment terms are not negative: " + netDays);
            }
            due = issuedAt.plus(Duration.ofDays(netDays));
        }
        // last, once nothing can refuse: the number is taken in this transaction and kept only if it commits
        long sequenceNumber = numbers.next();
        apply(new InvoiceFinalizedEvent(invoiceId, customerId, subscriptionId, currency,
                InvoiceNumbers.format(sequenceNumber), sequenceNumber, issuedAt, due, netDays, issued));
        if (issued.amountDue().isZero()) {
            // nothing to collect: settled at issue (§6.2 step 6)
            apply(new InvoicePaidEvent(invoiceId, customerId, issuedAt));
        }
    }

    @CommandHandler
    public void handle(VoidInvoiceCommand command, Clock clock) {
        switch (status) {
            case VOIDED -> throw new ConflictException("Invoice " + invoiceId + " is already VOIDED");
            case PAID -> throw new ConflictException("Invoice " + invoiceId + " is PAID and cannot be voided; "
                    + "issue a credit note against it instead (POST /credit-notes)");
            case FINALIZED -> {
                if (!creditNoteAllocations.isEmpty()) {
                    throw new ConflictException("Invoice " + invoiceId + " has credit notes ("
                            + String.join(", ", creditNoteAllocations.keySet()) + "); void them before voiding the "
                            + "invoice");
                }
                if (!totals.amountPaid().isZero()) {
                    throw new ConflictException("Invoice " + invoiceId + " has payments of " + totals.amountPaid()
                            + " recorded and cannot be voided; issue a credit note against it instead "
                            + "(POST /credit-notes)");
                }
            }
            case DRAFT -> {
                // a draft may always be voided
            }
        }
        apply(new InvoiceVoidedEvent(invoiceId, customerId, status, invoiceNumber,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    @CommandHandler
    public void handle(MarkInvoicePaidCommand command, Clock clock) {
        if (status == InvoiceStatus.DRAFT) {
            throw new ConflictException("Invoice " + invoiceId + " is DRAFT; finalize it before recording a payment");
        }
        requireStatus(InvoiceStatus.FINALIZED);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Money due = totals.amountDue();
        Money amount = command.amount() == null ? due : amountOf(command.amount());
        if (amount.compareTo(due) > 0) {
            throw new ValidationException("amount", "must not exceed the amount due, " + due.toMajor().toPlainString()
                    + " " + currency);
        }
        Instant paidAt = command.paidAt() != null ? command.paidAt().truncatedTo(ChronoUnit.MILLIS) : now;
        if (paidAt.isAfter(now)) {
            throw new ValidationException("paidAt", "must not be in the future (now is " + now + ")");
        }
        Money amountPaid = totals.amountPaid().plus(amount);
        Money amountDue = due.minus(amount);
        apply(new InvoicePaymentRecordedEvent(invoiceId, amount, paidAt, command.reference(),
                InvoicePaymentRecordedEvent.MANUAL, amountPaid, amountDue));
        if (amountDue.isZero()) {
            apply(new InvoicePaidEvent(invoiceId, customerId, paidAt));
        }
    }

    /**
     * A credit note asks for part of this invoice's total (docs/billing-rules.md §14): only a FINALIZED or PAID
     * invoice, the live credit notes together at most its total, an OFFSET note only on an unpaid FINALIZED invoice
     * with that much due. Sent by the credit note in its own command's transaction.
     */
    @CommandHandler
    public void handle(AllocateInvoiceCreditCommand command) {
        switch (status) {
            case DRAFT -> throw new ConflictException("Invoice " + invoiceId + " is DRAFT; credit notes are issued "
                    + "only against a finalized invoice");
            case VOIDED -> throw new ConflictException("Invoice " + invoiceId + " is VOIDED; credit notes are issued "
                    + "only against a finalized invoice");
            case FINALIZED, PAID -> {
                // a credit note may be issued
            }
        }
        if (!customerId.equals(command.customerId())) {
            throw new ConflictException("Invoice " + invoiceId + " belongs to another customer");
        }
        Money amount = command.amount();
        if (amount.currency() != currency) {
            throw new ValidationException("amount", "must be in the invoice's currency, " + currency);
        }
        if (command.offset()) {
            if (status != InvoiceStatus.FINALIZED) {
                throw new ConflictException("Invoice " + invoiceId + " is " + status + "; an OFFSET credit note "
                        + "lowers the amount due of an unpaid invoice (use type CREDIT)");
            }
            if (amount.compareTo(totals.amountDue()) > 0) {
                throw new ConflictException("An OFFSET credit note of " + amount.toMajor().toPlainString() + " "
                        + currency + " exceeds the amount due of invoice " + invoiceId + ", "
                        + totals.amountDue().toMajor().toPlainString() + " " + currency);
            }
        }
        Money previous = creditNoteAllocations.get(command.creditNoteId());
        if (amount.equals(previous)) {
            return;
        }
        Money others = allocatedTotal().minus(previous == null ? Money.zero(currency) : previous);
        Money after = others.plus(amount);
        if (after.compareTo(totals.total()) > 0) {
            throw new ConflictException("The credit notes of invoice " + invoiceId + " would total "
                    + after.toMajor().toPlainString() + " " + currency + ", more than its total of "
                    + totals.total().toMajor().toPlainString() + " " + currency + " ("
                    + others.toMajor().toPlainString() + " already credited)");
        }
        apply(new InvoiceCreditAllocatedEvent(invoiceId, command.creditNoteId(), amount, command.offset(), after));
    }

    /** A voided credit note gives its amount back; one with no allocation changes nothing. */
    @CommandHandler
    public void handle(ReleaseInvoiceCreditCommand command) {
        Money amount = creditNoteAllocations.get(command.creditNoteId());
        if (amount == null) {
            return;
        }
        apply(new InvoiceCreditReleasedEvent(invoiceId, command.creditNoteId(), amount,
                allocatedTotal().minus(amount)));
    }

    /**
     * A finalized OFFSET credit note lowers the amount due (docs/billing-rules.md §14); nothing left due makes the
     * invoice PAID. Once per credit note.
     */
    @CommandHandler
    public void handle(ApplyCreditNoteToInvoiceCommand command, Clock clock) {
        if (appliedCreditNotes.contains(command.creditNoteId())) {
            return;
        }
        if (status != InvoiceStatus.FINALIZED) {
            throw new ConflictException("Invoice " + invoiceId + " is " + status + "; an OFFSET credit note lowers "
                    + "the amount due of an unpaid FINALIZED invoice");
        }
        Money amount = command.amount();
        if (amount.currency() != currency) {
            throw new ValidationException("amount", "must be in the invoice's currency, " + currency);
        }
        if (amount.compareTo(totals.amountDue()) > 0) {
            throw new ConflictException("An OFFSET credit note of " + amount.toMajor().toPlainString() + " "
                    + currency + " exceeds the amount due of invoice " + invoiceId + ", "
                    + totals.amountDue().toMajor().toPlainString() + " " + currency);
        }
        Money amountDue = totals.amountDue().minus(amount);
        apply(new InvoiceCreditNoteAppliedEvent(invoiceId, command.creditNoteId(), amount,
                totals.creditNotesAmount().plus(amount), amountDue));
        if (amountDue.isZero()) {
            apply(new InvoicePaidEvent(invoiceId, customerId, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
    }

    /**
     * Keeps the outcome of an attempt to e-mail the invoice (the sending itself happened outside). Only an issued
     * invoice is sent, so a draft refuses it; a later void or payment does not stop the record of an earlier send.
     */
    @CommandHandler
    public void handle(RecordInvoiceEmailAttemptCommand command) {
        if (status == InvoiceStatus.DRAFT) {
            throw new ConflictException("Invoice " + invoiceId + " is DRAFT; finalize it before sending it");
        }
        if (command.at() == null || command.outcome() == null) { // to is null when no recipient could be found
            throw new ValidationException(command.at() == null ? "at" : "outcome", "is required");
        }
        apply(new InvoiceEmailAttemptedEvent(invoiceId, command.at().truncatedTo(ChronoUnit.MILLIS), command.to(),
                command.outcome(), command.message()));
    }

    @EventSourcingHandler
    void on(InvoiceCreatedEvent event) {
        invoiceId = event.invoiceId();
        customerId = event.customerId();
        subscriptionId = event.subscriptionId();
        currency = event.currency();
        status = InvoiceStatus.DRAFT;
        dueDate = event.dueDate();
        lines = event.lines();
        totals = event.totals();
        usageWindow = event.usageWindow();
        graced = event.finalizeAt() != null;
    }

    @EventSourcingHandler
    void on(InvoiceDraftRevisedEvent event) {
        lines = event.lines();
        totals = event.totals();
    }

    @EventSourcingHandler
    void on(InvoiceWalletCreditsAppliedEvent event) {
        List<InvoiceLine> withWallets = new ArrayList<>(lines);
        withWallets.addAll(event.walletLines());
        lines = List.copyOf(withWallets);
        totals = event.totals();
    }

    @EventSourcingHandler
    void on(InvoiceFinalizedEvent event) {
        status = InvoiceStatus.FINALIZED;
        invoiceNumber = event.invoiceNumber();
        dueDate = event.dueDate();
        totals = event.totals();
    }

    @EventSourcingHandler
    void on(InvoicePaymentRecordedEvent event) {
        totals = new InvoiceTotals(totals.subtotal(), totals.discountAmount(), totals.taxAmount(), totals.total(),
                totals.creditNotesAmount(), totals.walletAmount(), event.amountPaid(), event.amountDue());
    }

    @EventSourcingHandler
    void on(InvoiceCreditAllocatedEvent event) {
        creditNoteAllocations.put(event.creditNoteId(), event.amount());
    }

    @EventSourcingHandler
    void on(InvoiceCreditReleasedEvent event) {
        creditNoteAllocations.remove(event.creditNoteId());
    }

    @EventSourcingHandler
    void on(InvoiceCreditNoteAppliedEvent event) {
        appliedCreditNotes.add(event.creditNoteId());
        totals = new InvoiceTotals(totals.subtotal(), totals.discountAmount(), totals.taxAmount(), totals.total(),
                event.creditNotesAmount(), totals.walletAmount(), totals.amountPaid(), event.amountDue());
    }

    @EventSourcingHandler
    void on(InvoicePaidEvent event) {
        status = InvoiceStatus.PAID;
    }

    @EventSourcingHandler
    void on(InvoiceVoidedEvent event) {
        status = InvoiceStatus.VOIDED;
    }

    private Money allocatedTotal() {
        return creditNoteAllocations.values().stream().reduce(Money.zero(currency), Money::plus);
    }

    private Money amountOf(BigDecimal major) {
        if (major.signum() <= 0) {
            throw new ValidationException("amount", "must be greater than 0");
        }
        if (major.stripTrailingZeros().scale() > currency.exponent()) {
            throw new ValidationException("amount", currency.exponent() == 0
                    ? "must be a whole number for " + currency + ", which has no minor unit"
                    : "must have at most " + currency.exponent() + " decimal places for " + currency);
        }
        try {
            return Money.ofMajor(major, currency);
        } catch (InvalidAmountException | ArithmeticException e) {
            throw new ValidationException("amount", "is too large");
        }
    }

    private void reRateUsage(DraftInvoiceUsage usage) {
        if (usageWindow == null) {
            return;
        }
        DraftRevision.withUsage(currency, lines, usage.usageLines(subscriptionId, currency, usageWindow))
                .ifPresent(revised -> apply(new InvoiceDraftRevisedEvent(invoiceId, revised.lines(),
                        revised.totals())));
    }

    private void requireStatus(InvoiceStatus required) {
        if (status != required) {
            throw new ConflictException("Invoice " + invoiceId + " is " + status);
        }
    }

    /**
     * The lines are in the invoice's currency and the totals are their sums (docs/billing-rules.md §6.2): subtotal =
     * Σ fees, discountAmount = −Σ DISCOUNT, taxAmount = Σ TAX, creditNotesAmount = −Σ CREDIT_NOTE, walletAmount =
     * −Σ WALLET; {@link InvoiceTotals} itself checks total and amountDue.
     */
    private static void requireAddingUp(CurrencyCode currency, List<InvoiceLine> lines, InvoiceTotals totals) {
        if (lines == null || totals == null) {
            throw new ValidationException(lines == null ? "lines" : "totals", "is required");
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).amount().currency() != currency) {
                throw new ValidationException("lines[" + i + "].amount", "must be in " + currency);
            }
        }
        if (totals.total().currency() != currency) {
            throw new ValidationException("totals", "must be in " + currency);
        }
        requireSum("subtotal", totals.subtotal(), lines, line -> line.type().isFee(), false);
        requireSum("discountAmount", totals.discountAmount(), lines, line -> line.type() == InvoiceLineType.DISCOUNT, true);
        requireSum("taxAmount", totals.taxAmount(), lines, line -> line.type() == InvoiceLineType.TAX, false);
        requireSum("creditNotesAmount", totals.creditNotesAmount(), lines,
                line -> line.type() == InvoiceLineType.CREDIT_NOTE, true);
        requireSum("walletAmount", totals.walletAmount(), lines, line -> line.type() == InvoiceLineType.WALLET, true);
    }

    private static void requireSum(String total, Money expected, List<InvoiceLine> lines,
                                   Predicate<InvoiceLine> counted, boolean negated) {
        Money sum = lines.stream().filter(counted).map(InvoiceLine::amount)
                .reduce(Money.zero(expected.currency()), Money::plus);
        if (!(negated ? sum.negate() : sum).equals(expected)) {
            throw new ValidationException("totals." + total, "is " + expected + " but the lines add up to "
                    + (negated ? sum.negate() : sum));
        }
    }
}
