package com.novabilling.query.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletDrawView;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletTransactionView;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.java.Immutability;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One wallet transaction: what it moved ({@code credits}, {@code amount_minor}), and for an outbound one the inbound
 * transactions it drew from ({@code draws}, jsonb as the event carries them, minor units). Created once from its
 * event; only a purchase's status changes afterwards (settled or failed).
 */
@Entity
@Table(name = "wallet_transactions")
public class WalletTransactionEntity extends ReadModelRow {

    private String walletId;
    private String customerId;
    @Enumerated(EnumType.STRING)
    private WalletTransactionType type;
    @Enumerated(EnumType.STRING)
    private WalletTransactionStatus status;
    private BigDecimal credits;
    private long amountMinor;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    private String invoiceId;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class) // written once
    private List<WalletDraw> draws;
    private Instant settledAt;
    private Instant failedAt;

    static WalletTransactionEntity of(WalletTransactionCreatedEvent event, Instant at) {
        WalletTransactionEntity row = new WalletTransactionEntity();
        row.id = event.transactionId();
        row.createdAt = event.createdAt();
        row.updatedAt = at;
        row.walletId = event.walletId();
        row.customerId = event.customerId();
        row.type = event.type();
        row.status = event.status();
        row.credits = event.credits();
        row.amountMinor = event.amount().minor();
        row.currency = event.amount().currency();
        row.invoiceId = event.invoiceId();
        row.draws = event.draws();
        row.settledAt = event.status() == WalletTransactionStatus.SETTLED ? event.createdAt() : null;
        return row;
    }

    void settled(Instant settledAt, Instant at) {
        this.status = WalletTransactionStatus.SETTLED;
        this.settledAt = settledAt;
        this.updatedAt = at;
    }

    void failed(Instant failedAt, Instant at) {
        this.status = WalletTransactionStatus.FAILED;
        this.failedAt = failedAt;
        this.updatedAt = at;
    }

    WalletTransactionStatus status() {
        return status;
    }

    public WalletTransactionView toView() {
        return new WalletTransactionView(id, walletId, customerId, type, status, credits,
                Money.ofMinor(amountMinor, currency).toMajor(), currency, invoiceId,
                draws == null ? List.of() : draws.stream().map(WalletDrawView::of).toList(), createdAt, settledAt,
                failedAt);
    }
}
