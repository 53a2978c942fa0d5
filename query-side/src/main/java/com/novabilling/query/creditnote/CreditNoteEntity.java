package com.novabilling.query.creditnote;

import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteItemView;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.CreditNoteView;
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
import java.util.List;

/**
 * One credit note as the API shows it: its items as stored in the events (jsonb, minor units), its amounts as
 * minor-unit columns — {@code credit} and {@code remaining} for a CREDIT note, {@code offset} for an OFFSET note.
 */
@Entity
@Table(name = "credit_notes")
public class CreditNoteEntity extends ReadModelRow {

    private String creditNoteNumber;
    private Long sequenceNumber;
    private String invoiceId;
    private String customerId;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    @Enumerated(EnumType.STRING)
    private CreditNoteType type;
    @Enumerated(EnumType.STRING)
    private CreditNoteReason reason;
    @Enumerated(EnumType.STRING)
    private CreditNoteStatus status;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private List<CreditNoteItem> items;
    private long amountMinor;
    private long creditMinor;
    private long remainingMinor;
    private long offsetMinor;
    private String description;
    private Instant issuedAt;
    private Instant voidedAt;

    void created(String invoiceId, String customerId, CurrencyCode currency, CreditNoteType type,
                 CreditNoteReason reason, String description, List<CreditNoteItem> items, Money amount) {
        this.invoiceId = invoiceId;
        this.customerId = customerId;
        this.currency = currency;
        this.status = CreditNoteStatus.DRAFT;
        drafted(type, reason, description, items, amount);
    }

    void drafted(CreditNoteType type, CreditNoteReason reason, String description, List<CreditNoteItem> items,
                 Money amount) {
        this.type = type;
        this.reason = reason;
        this.description = description;
        this.items = items == null ? List.of() : items;
        this.amountMinor = amount.minor();
    }

    void finalized(String creditNoteNumber, long sequenceNumber, Instant issuedAt, Money amount, Money credit) {
        this.status = CreditNoteStatus.FINALIZED;
        this.creditNoteNumber = creditNoteNumber;
        this.sequenceNumber = sequenceNumber;
        this.issuedAt = issuedAt;
        this.amountMinor = amount.minor();
        this.creditMinor = credit.minor();
        this.remainingMinor = credit.minor();
        this.offsetMinor = type == CreditNoteType.OFFSET ? amount.minor() : 0;
    }

    void consumed(Money remaining) {
        this.remainingMinor = remaining.minor();
    }

    void voided(Instant voidedAt) {
        this.status = CreditNoteStatus.VOIDED;
        this.voidedAt = voidedAt;
        this.remainingMinor = 0;
    }

    public CreditNoteView toView() {
        return new CreditNoteView(id, creditNoteNumber, invoiceId, customerId, currency, type, reason, status,
                major(amountMinor), items.stream().map(CreditNoteItemView::of).toList(), major(creditMinor),
                major(remainingMinor), major(offsetMinor), major(0), description, issuedAt, voidedAt, createdAt,
                updatedAt);
    }

    private BigDecimal major(long minor) {
        return Money.ofMinor(minor, currency).toMajor();
    }
}
