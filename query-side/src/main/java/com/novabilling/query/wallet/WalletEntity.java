package com.novabilling.query.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletView;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * One wallet as the API shows it (docs/billing-rules.md §15): its terms, and its amounts as minor-unit columns —
 * {@code balance_minor} the settled balance the last transaction event reported, {@code pending_minor} and
 * {@code consumed_*} summed from its rows in {@code wallet_transactions}.
 */
@Entity
@Table(name = "wallets")
public class WalletEntity extends ReadModelRow {

    private String customerId;
    private String name;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    private BigDecimal rateAmount;
    @Enumerated(EnumType.STRING)
    private WalletStatus status;
    private long balanceMinor;
    private BigDecimal creditsBalance;
    private long pendingMinor;
    private long consumedMinor;
    private BigDecimal consumedCredits;
    private int priority;
    private Instant expirationAt;
    private Instant terminatedAt;
    private boolean invoiceRequiresSuccessfulPayment;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;

    void created(String customerId, String name, CurrencyCode currency, BigDecimal rateAmount, int priority,
                 Instant expirationAt, boolean invoiceRequiresSuccessfulPayment, Map<String, Object> metadata) {
        this.customerId = customerId;
        this.name = name;
        this.currency = currency;
        this.rateAmount = rateAmount;
        this.status = status == null ? WalletStatus.ACTIVE : status;
        this.priority = priority;
        this.expirationAt = expirationAt;
        this.invoiceRequiresSuccessfulPayment = invoiceRequiresSuccessfulPayment;
        this.metadata = metadata == null ? Map.of() : metadata;
        if (creditsBalance == null) { // a new row; a redelivered creation keeps what the transactions made
            balance(Money.zero(currency));
            this.pendingMinor = 0;
            this.consumedMinor = 0;
            this.consumedCredits = BigDecimal.ZERO;
        }
    }

    void updated(String name, Instant expirationAt, int priority) {
        this.name = name;
        this.expirationAt = expirationAt;
        this.priority = priority;
    }

    /** The settled balance after a transaction, and the wallet's sums over its transactions. */
    void amounts(Money balance, long pendingMinor, long consumedMinor, BigDecimal consumedCredits) {
        if (balance != null) {
            balance(balance);
        }
        this.pendingMinor = pendingMinor;
        this.consumedMinor = consumedMinor;
        this.consumedCredits = WalletCredits.normalize(consumedCredits);
    }

    void terminated(Instant terminatedAt) {
        this.status = WalletStatus.TERMINATED;
        this.terminatedAt = terminatedAt;
    }

    CurrencyCode currency() {
        return currency;
    }

    private void balance(Money balance) {
        this.balanceMinor = balance.minor();
        this.creditsBalance = WalletCredits.toCredits(balance, rateAmount);
    }

    public WalletView toView() {
        return new WalletView(id, customerId, name, currency, rateAmount, status, major(balanceMinor),
                creditsBalance, major(pendingMinor), major(consumedMinor), consumedCredits, priority, expirationAt,
                terminatedAt, invoiceRequiresSuccessfulPayment, metadata, createdAt, updatedAt);
    }

    private BigDecimal major(long minor) {
        return Money.ofMinor(minor, currency).toMajor();
    }
}
