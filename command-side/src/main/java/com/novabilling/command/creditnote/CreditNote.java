package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.ConsumeCreditNoteCommand;
import com.novabilling.api.creditnote.CreateCreditNoteCommand;
import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.creditnote.FinalizeCreditNoteCommand;
import com.novabilling.api.creditnote.UpdateCreditNoteCommand;
import com.novabilling.api.creditnote.VoidCreditNoteCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A credit note against a finalized invoice and its lifecycle {@code DRAFT → FINALIZED → VOIDED}
 * (docs/billing-rules.md §14). Its amount is allocated on the invoice ({@link CreditNoteInvoices}), which keeps the
 * live credit notes of an invoice within its total. Finalizing gives it the tenant's next credit-note number; an
 * OFFSET note then lowers its invoice's amount due, a CREDIT note becomes customer credit that later invoices consume
 * oldest first ({@link ConsumeCreditNoteCommand}, listed by {@link CreditNoteBalanceTable}). REFUND notes wait for
 * payments and are refused. "Now" is the tenant's {@link Clock}, a handler parameter.
 */
@Aggregate
public class CreditNote {

    static final String REFUND_REFUSED = "REFUND credit notes are not available yet: refunds are executed with "
            + "payments, which come in a later release; use type CREDIT (customer credit for later invoices) or "
            + "OFFSET (lowers the amount due of the unpaid invoice)";

    @AggregateIdentifier
    private String creditNoteId;
    private String invoiceId;
    private String customerId;
    private CurrencyCode currency;
    private CreditNoteType type;
    private CreditNoteReason reason;
    private String description;
    private List<CreditNoteItem> items;
    private Money amount;
    private CreditNoteStatus status;
    private String creditNoteNumber;
    private Money remaining;
    private Map<String, Money> consumedBy = new HashMap<>();

    protected CreditNote() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public CreditNote(CreateCreditNoteCommand command, CreditNoteInvoices invoices) {
        if (command.type() == null) {
            throw new ValidationException("type", "is required");
        }
        if (command.reason() == null) {
            throw new ValidationException("reason", "is required");
        }
        refuseRefund(command.type());
        Money total = sum(command.currency(), command.items());
        invoices.allocate(new AllocateInvoiceCreditCommand(command.invoiceId(), command.creditNoteId(),
                command.customerId(), total, command.type() == CreditNoteType.OFFSET));
        apply(new CreditNoteCreatedEvent(command.creditNoteId(), command.invoiceId(), command.customerId(),
                command.currency(), command.type(), command.reason(), command.description(),
                List.copyOf(command.items()), total));
    }

    @CommandHandler
    public void handle(UpdateCreditNoteCommand command, CreditNoteInvoices invoices) {
        if (status != CreditNoteStatus.DRAFT) {
            throw new ConflictException("Credit note " + creditNoteId + " is " + status + "; only a DRAFT credit note "
                    + "can be changed");
        }
        CreditNoteType newType = command.type() != null ? command.type() : type;
        refuseRefund(newType);
        CreditNoteReason newReason = command.reason() != null ? command.reason() : reason;
        String newDescription = command.description() != null ? command.description() : description;
        List<CreditNoteItem> newItems = command.items() != null ? List.copyOf(command.items()) : items;
        Money newAmount = sum(currency, newItems);
        if (newType == type && newReason == reason && Objects.equals(newDescription, description)
                && newItems.equals(items)) {
            return;
        }
        if (!newAmount.equals(amount) || newType != type) {
            invoices.allocate(new AllocateInvoiceCreditCommand(invoiceId, creditNoteId, customerId, newAmount,
                    newType == CreditNoteType.OFFSET));
        }
        apply(new CreditNoteDraftUpdatedEvent(creditNoteId, invoiceId, newType, newReason, newDescription, newItems,
                newAmount));
    }

    @CommandHandler
    public void handle(FinalizeCreditNoteCommand command, CreditNoteNumbers numbers, CreditNoteInvoices invoices,
                       Clock clock) {
        if (status != CreditNoteStatus.DRAFT) {
            throw new ConflictException("Credit note " + creditNoteId + " is " + status);
        }
        if (type == CreditNoteType.OFFSET) {
            invoices.applyOffset(new ApplyCreditNoteToInvoiceCommand(invoiceId, creditNoteId, amount));
        }
        // last, once nothing can refuse: the number is taken in this transaction and kept only if it commits
        long sequenceNumber = numbers.next();
        apply(new CreditNoteFinalizedEvent(creditNoteId, invoiceId, customerId, currency, type,
                CreditNoteNumbers.format(sequenceNumber), sequenceNumber,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), amount,
                type == CreditNoteType.CREDIT ? amount : Money.zero(currency)));
    }

    @CommandHandler
    public void handle(VoidCreditNoteCommand command, CreditNoteInvoices invoices, Clock clock) {
        switch (status) {
            case VOIDED -> throw new ConflictException("Credit note " + creditNoteId + " is already VOIDED");
            case FINALIZED -> {
                if (type == CreditNoteType.OFFSET) {
                    throw new ConflictException("Credit note " + creditNoteId + " is a FINALIZED OFFSET credit note: "
                            + "it was applied to the amount due of invoice " + invoiceId + " and cannot be voided");
                }
                if (!remaining.equals(amount)) {
                    throw new ConflictException("Credit note " + creditNoteId + " has credit consumed by invoices ("
                            + String.join(", ", consumedBy.keySet()) + "); only a credit note whose credit is "
                            + "wholly unconsumed can be voided");
                }
            }
            case DRAFT -> {
                // a draft may always be voided
            }
        }
        invoices.release(new ReleaseInvoiceCreditCommand(invoiceId, creditNoteId));
        apply(new CreditNoteVoidedEvent(creditNoteId, invoiceId, customerId, status, creditNoteNumber,
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    /**
     * A later invoice consumes part of the credit (docs/billing-rules.md §13.2 step 4): a FINALIZED CREDIT note, at
     * most its remaining credit, once per consuming invoice.
     */
    @CommandHandler
    public void handle(ConsumeCreditNoteCommand command) {
        if (status != CreditNoteStatus.FINALIZED || type != CreditNoteType.CREDIT) {
            throw new ConflictException("Credit note " + creditNoteId + " is a " + status + " " + type
                    + " credit note; only FINALIZED CREDIT notes have credit to consume");
        }
        if (command.invoiceId() == null || command.invoiceId().isBlank()) {
            throw new ValidationException("invoiceId", "is required");
        }
        Money consumed = command.amount();
        if (consumed == null || consumed.currency() != currency || !positive(consumed)) {
            throw new ValidationException("amount", "must be more than 0 " + currency);
        }
        Money previous = consumedBy.get(command.invoiceId());
        if (previous != null) {
            if (previous.equals(consumed)) {
                return;
            }
            throw new ConflictException("Invoice " + command.invoiceId() + " already consumed "
                    + previous.toMajor().toPlainString() + " " + currency + " of credit note " + creditNoteId);
        }
        if (consumed.compareTo(remaining) > 0) {
            throw new ConflictException("Credit note " + creditNoteId + " has " + remaining.toMajor().toPlainString()
                    + " " + currency + " of credit left, less than " + consumed.toMajor().toPlainString());
        }
        apply(new CreditNoteConsumedEvent(creditNoteId, customerId, command.invoiceId(), consumed,
                remaining.minus(consumed)));
    }

    @EventSourcingHandler
    void on(CreditNoteCreatedEvent event) {
        creditNoteId = event.creditNoteId();
        invoiceId = event.invoiceId();
        customerId = event.customerId();
        currency = event.currency();
        type = event.type();
        reason = event.reason();
        description = event.description();
        items = event.items();
        amount = event.amount();
        status = CreditNoteStatus.DRAFT;
        remaining = Money.zero(event.currency());
    }

    @EventSourcingHandler
    void on(CreditNoteDraftUpdatedEvent event) {
        type = event.type();
        reason = event.reason();
        description = event.description();
        items = event.items();
        amount = event.amount();
    }

    @EventSourcingHandler
    void on(CreditNoteFinalizedEvent event) {
        status = CreditNoteStatus.FINALIZED;
        creditNoteNumber = event.creditNoteNumber();
        remaining = event.creditAmount();
    }

    @EventSourcingHandler
    void on(CreditNoteConsumedEvent event) {
        consumedBy.put(event.invoiceId(), event.amount());
        remaining = event.remaining();
    }

    @EventSourcingHandler
    void on(CreditNoteVoidedEvent event) {
        status = CreditNoteStatus.VOIDED;
        remaining = Money.zero(currency);
    }

    private static boolean positive(Money money) {
        return !money.isZero() && !money.isNegative();
    }

    private static void refuseRefund(CreditNoteType type) {
        if (type == CreditNoteType.REFUND) {
            throw new ConflictException(REFUND_REFUSED);
        }
    }

    /** The items are in the invoice's currency, each more than 0; their sum is the credit note's amount. */
    private static Money sum(CurrencyCode currency, List<CreditNoteItem> items) {
        if (currency == null) {
            throw new ValidationException("currency", "is required");
        }
        if (items == null || items.isEmpty()) {
            throw new ValidationException("items", "must not be empty");
        }
        Money total = Money.zero(currency);
        for (int i = 0; i < items.size(); i++) {
            Money item = items.get(i).amount();
            if (item.currency() != currency || !positive(item)) {
                throw new ValidationException("items[" + i + "].amount", "must be more than 0 " + currency);
            }
            total = total.plus(item);
        }
        return total;
    }
}
