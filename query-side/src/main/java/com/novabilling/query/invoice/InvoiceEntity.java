package com.novabilling.query.invoice;

import com.novabilling.api.invoice.InvoiceEmailAttemptView;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineView;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.invoice.InvoiceWalletPaymentView;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One invoice as the API shows it: its lines as stored in the events (jsonb, minor units), its totals as minor-unit
 * columns. {@code invoiceDate} is what the list's {@code dateFrom}/{@code dateTo} compare: the issue date once
 * finalized, else the creation.
 */
@Entity
@Table(name = "invoices")
public class InvoiceEntity extends ReadModelRow {

    private String invoiceNumber;
    private Long sequenceNumber;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private String customerId;
    private String subscriptionId;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    private Instant periodStart;
    private Instant periodEnd;
    private Instant issuedAt;
    private Instant dueDate;
    private Instant invoiceDate;
    private Instant finalizeAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private List<InvoiceLine> lines;
    private long subtotalMinor;
    private long discountMinor;
    private long taxMinor;
    private long totalMinor;
    private long creditNotesMinor;
    private long walletMinor;
    private long amountPaidMinor;
    private long amountDueMinor;
    private Instant paidAt;
    private Instant voidedAt;
    private String notes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private Map<String, Object> metadata;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "email_attempts", columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private List<InvoiceEmailAttemptView> emailAttempts = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "wallet_payments", columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private List<InvoiceWalletPaymentView> walletPayments = new ArrayList<>();

    void created(String customerId, String subscriptionId, CurrencyCode currency, Instant periodStart,
                 Instant periodEnd, Instant dueDate, String notes, Map<String, Object> metadata,
                 List<InvoiceLine> lines, InvoiceTotals totals, Instant finalizeAt) {
        this.status = InvoiceStatus.DRAFT;
        this.customerId = customerId;
        this.subscriptionId = subscriptionId;
        this.currency = currency;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.dueDate = dueDate;
        this.invoiceDate = createdAt;
        this.notes = notes;
        this.metadata = metadata == null ? Map.of() : metadata;
        this.finalizeAt = finalizeAt;
        revised(lines, totals);
    }

    void revised(List<InvoiceLine> lines, InvoiceTotals totals) {
        this.lines = lines == null ? List.of() : lines;
        totals(totals);
    }

    /** Replaces any WALLET lines, so a redelivered event changes nothing. */
    void walletCreditsApplied(List<InvoiceLine> walletLines, InvoiceTotals totals) {
        List<InvoiceLine> withWallets = new ArrayList<>(lines.stream()
                .filter(line -> line.type() != InvoiceLineType.WALLET).toList());
        withWallets.addAll(walletLines);
        revised(List.copyOf(withWallets), totals);
    }

    void finalized(String invoiceNumber, long sequenceNumber, Instant issuedAt, Instant dueDate, InvoiceTotals totals) {
        this.status = InvoiceStatus.FINALIZED;
        this.invoiceNumber = invoiceNumber;
        this.sequenceNumber = sequenceNumber;
        this.issuedAt = issuedAt;
        this.invoiceDate = issuedAt;
        this.dueDate = dueDate;
        this.finalizeAt = null;
        totals(totals);
    }

    void paymentRecorded(Money amountPaid, Money amountDue) {
        this.amountPaidMinor = amountPaid.minor();
        this.amountDueMinor = amountDue.minor();
    }

    void creditNoteApplied(Money creditNotesAmount, Money amountDue) {
        this.creditNotesMinor = creditNotesAmount.minor();
        this.amountDueMinor = amountDue.minor();
    }

    void paid(Instant paidAt) {
        this.status = InvoiceStatus.PAID;
        this.paidAt = paidAt;
    }

    void voided(Instant voidedAt) {
        this.status = InvoiceStatus.VOIDED;
        this.voidedAt = voidedAt;
        this.finalizeAt = null;
    }

    /** Appends the attempt, once: a redelivered event (same instant, recipient and outcome) adds nothing. */
    void emailAttempted(InvoiceEmailAttemptView attempt) {
        List<InvoiceEmailAttemptView> attempts = emailAttempts == null ? new ArrayList<>() : new ArrayList<>(emailAttempts);
        if (!attempts.contains(attempt)) {
            attempts.add(attempt);
        }
        this.emailAttempts = attempts;
    }

    /** What one wallet paid and from which of its transactions; a redelivered event replaces its own entry. */
    void walletPaid(InvoiceWalletPaymentView payment) {
        List<InvoiceWalletPaymentView> payments = walletPayments == null ? new ArrayList<>()
                : new ArrayList<>(walletPayments.stream()
                .filter(p -> !p.transactionId().equals(payment.transactionId())).toList());
        payments.add(payment);
        this.walletPayments = payments;
    }

    /** The lines as stored, for the invoice's PDF (which prints fields the view omits). */
    List<InvoiceLine> lines() {
        return lines;
    }

    /** The totals in minor units, for the invoice's PDF. */
    InvoiceTotals totals() {
        return new InvoiceTotals(money(subtotalMinor), money(discountMinor), money(taxMinor), money(totalMinor),
                money(creditNotesMinor), money(walletMinor), money(amountPaidMinor), money(amountDueMinor));
    }

    private Money money(long minor) {
        return Money.ofMinor(minor, currency);
    }

    private void totals(InvoiceTotals totals) {
        this.subtotalMinor = totals.subtotal().minor();
        this.discountMinor = totals.discountAmount().minor();
        this.taxMinor = totals.taxAmount().minor();
        this.totalMinor = totals.total().minor();
        this.creditNotesMinor = totals.creditNotesAmount().minor();
        this.walletMinor = totals.walletAmount().minor();
        this.amountPaidMinor = totals.amountPaid().minor();
        this.amountDueMinor = totals.amountDue().minor();
    }

    public InvoiceView toView() {
        BigDecimal total = major(totalMinor);
        return new InvoiceView(id, invoiceNumber, status, customerId, subscriptionId, currency, periodStart, periodEnd,
                issuedAt, dueDate, lines.stream().map(InvoiceLineView::of).toList(), major(subtotalMinor),
                major(discountMinor), major(taxMinor), total, total, major(creditNotesMinor), major(walletMinor),
                major(amountPaidMinor), major(amountDueMinor), paidAt, voidedAt, null, notes, metadata, createdAt,
                updatedAt, emailAttempts, walletPayments);
    }

    private BigDecimal major(long minor) {
        return Money.ofMinor(minor, currency).toMajor();
    }
}
