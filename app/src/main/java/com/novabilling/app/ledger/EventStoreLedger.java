package com.novabilling.app.ledger;

import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedWithoutDifferenceEvent;
import com.novabilling.api.invoice.InvoiceCreditNoteAppliedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoicePaymentRecordedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.InvoiceWalletCreditsAppliedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's money as its event store tells it: invoices, credit notes and wallets folded from their events, in
 * the store's global order (one pass; {@link #apply} takes each payload). Pure: no Spring, no database. The wallet
 * fold checks each transaction as it goes (docs/billing-rules.md §15): the balance an event carries is the settled
 * inbound credit less what went out, an outbound transaction draws only what its inbound credits have left, and the
 * balance never goes negative.
 */
final class EventStoreLedger {

    /** An invoice folded from its events, as the invoices projection folds it. */
    static final class InvoiceFold {
        final String id;
        InvoiceStatus status;
        String invoiceNumber;
        Long sequenceNumber;
        CurrencyCode currency;
        String customerId;
        String subscriptionId;
        List<InvoiceLine> lines = List.of();
        InvoiceSnapshot.Totals totals;
        InvoiceUsageWindow usageWindow;
        /** OFFSET credit notes applied after finalization: they raise creditNotesAmount without a line. */
        long offsetsApplied;
        /**
         * The window's latest rating after late usage (docs/billing-rules.md §16): the re-rated USAGE lines of its
         * last re-rating (with or without a difference); null while the invoice's own lines are its rating.
         */
        List<InvoiceLine> reRatedLines;
        int reRatings;

        InvoiceFold(String id) {
            this.id = id;
        }

        InvoiceSnapshot snapshot() {
            return new InvoiceSnapshot(id, status, invoiceNumber, sequenceNumber, currency, customerId, subscriptionId,
                    lines, totals);
        }
    }

    /** A credit note folded from its events. */
    static final class CreditNoteFold {
        final String id;
        CreditNoteStatus status;
        String number;
        Long sequenceNumber;
        long amount;
        /** The part that became customer credit at finalization. */
        long credit;
        long consumed;
        Long lastRemaining;
        final List<String> consumedBy = new ArrayList<>();

        CreditNoteFold(String id) {
            this.id = id;
        }

        long remaining() {
            return credit - consumed;
        }
    }

    /** A wallet folded from its transactions. */
    static final class WalletFold {
        final String id;
        CurrencyCode currency;
        long balance;
        long pending;
        int transactions;
        final Map<String, long[]> inbound = new LinkedHashMap<>(); // id → {remaining, 1 settled / 0 pending / −1 failed}

        WalletFold(String id) {
            this.id = id;
        }
    }

    private final Map<String, InvoiceFold> invoices = new LinkedHashMap<>();
    private final Map<String, CreditNoteFold> creditNotes = new LinkedHashMap<>();
    private final Map<String, WalletFold> wallets = new LinkedHashMap<>();
    /** Invoice id → Σ INVOICED wallet transactions for it. */
    private final Map<String, Long> walletPaid = new HashMap<>();
    private final List<LedgerViolation> walletViolations = new ArrayList<>();
    private long events;

    /** Folds one event's payload; {@code null} (an event the caller did not deserialize) is only counted. */
    void apply(Object payload) {
        events++;
        if (payload instanceof InvoiceCreatedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            invoice.status = InvoiceStatus.DRAFT;
            invoice.currency = e.currency();
            invoice.customerId = e.customerId();
            invoice.subscriptionId = e.subscriptionId();
            invoice.lines = e.lines() == null ? List.of() : e.lines();
            invoice.totals = InvoiceSnapshot.Totals.of(e.totals());
            invoice.usageWindow = e.usageWindow();
        } else if (payload instanceof ClosedUsageWindowReRatedEvent e) {
            InvoiceFold invoice = invoice(e.originalInvoiceId());
            invoice.reRatedLines = e.reRatedLines() == null ? List.of() : e.reRatedLines();
            invoice.reRatings++;
        } else if (payload instanceof ClosedUsageWindowReRatedWithoutDifferenceEvent e) {
            InvoiceFold invoice = invoice(e.originalInvoiceId());
            invoice.reRatedLines = e.reRatedLines() == null ? List.of() : e.reRatedLines();
            invoice.reRatings++;
        } else if (payload instanceof InvoiceDraftRevisedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            invoice.lines = e.lines() == null ? List.of() : e.lines();
            invoice.totals = InvoiceSnapshot.Totals.of(e.totals());
        } else if (payload instanceof InvoiceWalletCreditsAppliedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            List<InvoiceLine> lines = new ArrayList<>(invoice.lines.stream()
                    .filter(line -> line.type() != InvoiceLineType.WALLET).toList());
            lines.addAll(e.walletLines());
            invoice.lines = List.copyOf(lines);
            invoice.totals = InvoiceSnapshot.Totals.of(e.totals());
        } else if (payload instanceof InvoiceFinalizedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            invoice.status = InvoiceStatus.FINALIZED;
            invoice.invoiceNumber = e.invoiceNumber();
            invoice.sequenceNumber = e.sequenceNumber();
            invoice.totals = InvoiceSnapshot.Totals.of(e.totals());
        } else if (payload instanceof InvoicePaymentRecordedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            invoice.totals = withPayment(invoice.totals, e.amountPaid().minor(), e.amountDue().minor());
        } else if (payload instanceof InvoiceCreditNoteAppliedEvent e) {
            InvoiceFold invoice = invoice(e.invoiceId());
            invoice.offsetsApplied += e.amount().minor();
            InvoiceSnapshot.Totals t = invoice.totals;
            invoice.totals = new InvoiceSnapshot.Totals(t.subtotal(), t.discount(), t.tax(), t.total(),
                    e.creditNotesAmount().minor(), t.wallet(), t.paid(), e.amountDue().minor());
        } else if (payload instanceof InvoicePaidEvent e) {
            invoice(e.invoiceId()).status = InvoiceStatus.PAID;
        } else if (payload instanceof InvoiceVoidedEvent e) {
            invoice(e.invoiceId()).status = InvoiceStatus.VOIDED;
        } else if (payload instanceof CreditNoteCreatedEvent e) {
            CreditNoteFold note = creditNote(e.creditNoteId());
            note.status = CreditNoteStatus.DRAFT;
            note.amount = e.amount().minor();
        } else if (payload instanceof CreditNoteDraftUpdatedEvent e) {
            creditNote(e.creditNoteId()).amount = e.amount().minor();
        } else if (payload instanceof CreditNoteFinalizedEvent e) {
            CreditNoteFold note = creditNote(e.creditNoteId());
            note.status = CreditNoteStatus.FINALIZED;
            note.number = e.creditNoteNumber();
            note.sequenceNumber = e.sequenceNumber();
            note.amount = e.amount().minor();
            note.credit = e.creditAmount() == null ? 0 : e.creditAmount().minor();
        } else if (payload instanceof CreditNoteConsumedEvent e) {
            CreditNoteFold note = creditNote(e.creditNoteId());
            note.consumed += e.amount().minor();
            note.lastRemaining = e.remaining().minor();
            note.consumedBy.add(e.invoiceId());
        } else if (payload instanceof CreditNoteVoidedEvent e) {
            creditNote(e.creditNoteId()).status = CreditNoteStatus.VOIDED;
        } else if (payload instanceof WalletCreatedEvent e) {
            wallet(e.walletId()).currency = e.currency();
        } else if (payload instanceof WalletTransactionCreatedEvent e) {
            walletTransaction(e);
        } else if (payload instanceof WalletTransactionSettledEvent e) {
            walletSettled(e);
        } else if (payload instanceof WalletTransactionFailedEvent e) {
            WalletFold wallet = wallet(e.walletId());
            long[] inbound = wallet.inbound.get(e.transactionId());
            if (inbound != null && inbound[1] == 0) {
                inbound[1] = -1; // failed: neither pending nor spendable
                wallet.pending -= e.amount().minor();
            }
        }
        // other events move no money the verifier checks
    }

    private void walletTransaction(WalletTransactionCreatedEvent e) {
        WalletFold wallet = wallet(e.walletId());
        wallet.transactions++;
        long amount = e.amount().minor();
        if (e.type().inbound()) {
            boolean settled = e.status() == WalletTransactionStatus.SETTLED;
            wallet.inbound.put(e.transactionId(), new long[]{amount, settled ? 1 : 0});
            if (settled) {
                wallet.balance += amount;
            } else if (e.status() == WalletTransactionStatus.PENDING) {
                wallet.pending += amount;
            }
        } else {
            long drawn = 0;
            for (WalletDraw draw : e.draws()) {
                drawn += draw.amount().minor();
                long[] from = wallet.inbound.get(draw.inboundTransactionId());
                if (from == null || from[1] != 1) {
                    walletViolation(wallet, e.transactionId(), "draws " + draw.amount().minor() + " from "
                            + draw.inboundTransactionId() + ", which is not a settled inbound transaction of the wallet");
                } else {
                    from[0] -= draw.amount().minor();
                    if (from[0] < 0) {
                        walletViolation(wallet, e.transactionId(), "overdraws inbound transaction "
                                + draw.inboundTransactionId() + " by " + -from[0]);
                    }
                }
            }
            if (!e.draws().isEmpty() && drawn != amount) {
                walletViolation(wallet, e.transactionId(), "takes " + amount + " but its draws add up to " + drawn);
            }
            wallet.balance -= amount;
            if (e.type() == WalletTransactionType.INVOICED && e.invoiceId() != null) {
                walletPaid.merge(e.invoiceId(), amount, Long::sum);
            }
        }
        checkBalance(wallet, e.transactionId(), e.balance() == null ? null : e.balance().minor());
    }

    private void walletSettled(WalletTransactionSettledEvent e) {
        WalletFold wallet = wallet(e.walletId());
        long[] inbound = wallet.inbound.get(e.transactionId());
        if (inbound == null) {
            walletViolation(wallet, e.transactionId(), "settles a transaction the wallet never recorded");
        } else if (inbound[1] == 0) {
            inbound[1] = 1;
            wallet.balance += e.amount().minor();
            wallet.pending -= e.amount().minor();
        }
        checkBalance(wallet, e.transactionId(), e.balance() == null ? null : e.balance().minor());
    }

    private void checkBalance(WalletFold wallet, String transactionId, Long stated) {
        if (stated != null && stated != wallet.balance) {
            walletViolation(wallet, transactionId, "states the balance " + stated + " afterwards; its settled "
                    + "transactions add up to " + wallet.balance);
        }
        if (wallet.balance < 0) {
            walletViolation(wallet, transactionId, "leaves the balance negative: " + wallet.balance);
        }
    }

    private void walletViolation(WalletFold wallet, String transactionId, String what) {
        walletViolations.add(new LedgerViolation(LedgerChecks.WALLET_BALANCE, List.of(wallet.id, transactionId),
                "Wallet " + wallet.id + ": transaction " + transactionId + " " + what + " (minor units)"));
    }

    private static InvoiceSnapshot.Totals withPayment(InvoiceSnapshot.Totals t, long paid, long due) {
        return new InvoiceSnapshot.Totals(t.subtotal(), t.discount(), t.tax(), t.total(), t.creditNotes(), t.wallet(),
                paid, due);
    }

    private InvoiceFold invoice(String id) {
        return invoices.computeIfAbsent(id, InvoiceFold::new);
    }

    private CreditNoteFold creditNote(String id) {
        return creditNotes.computeIfAbsent(id, CreditNoteFold::new);
    }

    private WalletFold wallet(String id) {
        return wallets.computeIfAbsent(id, WalletFold::new);
    }

    Map<String, InvoiceFold> invoices() {
        return invoices;
    }

    Map<String, CreditNoteFold> creditNotes() {
        return creditNotes;
    }

    Map<String, WalletFold> wallets() {
        return wallets;
    }

    long events() {
        return events;
    }

    /** Violations found while folding the wallets' transactions. */
    List<LedgerViolation> walletViolations() {
        return List.copyOf(walletViolations);
    }

    /**
     * Every invoice's wallet amount against the INVOICED wallet transactions for it: what the wallets say they paid
     * is what the invoice says it was paid from wallets.
     */
    List<LedgerViolation> invoiceWalletViolations() {
        List<LedgerViolation> violations = new ArrayList<>();
        for (InvoiceFold invoice : invoices.values()) {
            long onInvoice = invoice.totals == null ? 0 : invoice.totals.wallet();
            long fromWallets = walletPaid.getOrDefault(invoice.id, 0L);
            if (onInvoice != fromWallets) {
                violations.add(LedgerViolation.of(LedgerChecks.INVOICE_WALLET, invoice.id, "Invoice " + invoice.id
                        + " has walletAmount " + onInvoice + " but its wallets' INVOICED transactions add up to "
                        + fromWallets + " (minor units)"));
            }
        }
        walletPaid.keySet().stream().filter(id -> !invoices.containsKey(id)).forEach(id -> violations.add(
                LedgerViolation.of(LedgerChecks.INVOICE_WALLET, id, "Wallets paid " + walletPaid.get(id)
                        + " to invoice " + id + ", which has no events")));
        return violations;
    }

    /** Each credit note's consumptions: within its credit, and the remaining each consumption states is right. */
    List<LedgerViolation> creditNoteViolations() {
        List<LedgerViolation> violations = new ArrayList<>();
        for (CreditNoteFold note : creditNotes.values()) {
            if (note.consumed > note.credit) {
                List<String> ids = new ArrayList<>(List.of(note.id));
                ids.addAll(note.consumedBy);
                violations.add(new LedgerViolation(LedgerChecks.CREDIT_NOTE_CONSUMPTION, ids, "Credit note " + note.id
                        + " is consumed " + note.consumed + " by invoices " + note.consumedBy + ", beyond its credit "
                        + note.credit + " (minor units)"));
            }
            if (note.lastRemaining != null && note.lastRemaining != note.remaining()) {
                violations.add(LedgerViolation.of(LedgerChecks.CREDIT_NOTE_CONSUMPTION, note.id, "Credit note "
                        + note.id + " states " + note.lastRemaining + " remaining after its last consumption; its "
                        + "credit " + note.credit + " less " + note.consumed + " consumed is " + note.remaining()));
            }
        }
        return violations;
    }
}
