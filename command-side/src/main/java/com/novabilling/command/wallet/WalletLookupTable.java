package com.novabilling.command.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import com.novabilling.billing.invoice.WalletFunds;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code wallet_balance} and {@code wallet_purchase_invoice} tables (tenant migration V13_151), kept in the
 * transaction that appends each wallet event: every wallet's settled balance, spending order and status, and which
 * PURCHASED transaction each credit-purchase invoice belongs to. Upserts and updates by id that set values from the
 * event, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-wallet")
public class WalletLookupTable {

    /** The PURCHASED transaction a credit-purchase invoice belongs to. */
    public record Purchase(String walletId, String transactionId) {
    }

    private final JdbcTemplate jdbcTemplate;

    public WalletLookupTable(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @EventHandler
    public void on(WalletCreatedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO wallet_balance (wallet_id, customer_id, currency, priority, created_at, expiration_at,
                                            status, balance_minor)
                VALUES (?, ?, ?, ?, ?, ?, ?, 0)
                ON CONFLICT (wallet_id) DO NOTHING
                """, event.walletId(), event.customerId(), event.currency().name(), event.priority(),
                Timestamp.from(event.createdAt()), timestamp(event.expirationAt()), WalletStatus.ACTIVE.name());
    }

    @EventHandler
    public void on(WalletTransactionCreatedEvent event) {
        jdbcTemplate.update("UPDATE wallet_balance SET balance_minor = ? WHERE wallet_id = ?",
                event.balance().minor(), event.walletId());
        if (event.type() == WalletTransactionType.PURCHASED) {
            jdbcTemplate.update("""
                    INSERT INTO wallet_purchase_invoice (invoice_id, wallet_id, transaction_id) VALUES (?, ?, ?)
                    ON CONFLICT (invoice_id) DO NOTHING""", event.invoiceId(), event.walletId(),
                    event.transactionId());
        }
    }

    @EventHandler
    public void on(WalletTransactionSettledEvent event) {
        jdbcTemplate.update("UPDATE wallet_balance SET balance_minor = ? WHERE wallet_id = ?",
                event.balance().minor(), event.walletId());
    }

    @EventHandler
    public void on(WalletUpdatedEvent event) {
        jdbcTemplate.update("UPDATE wallet_balance SET priority = ?, expiration_at = ? WHERE wallet_id = ?",
                event.priority(), timestamp(event.expirationAt()), event.walletId());
    }

    @EventHandler
    public void on(WalletTerminatedEvent event) {
        jdbcTemplate.update("UPDATE wallet_balance SET status = ?, balance_minor = 0 WHERE wallet_id = ?",
                WalletStatus.TERMINATED.name(), event.walletId());
    }

    /**
     * The customer's wallets in {@code currency} with settled credit that may be spent at {@code at} (ACTIVE, not
     * expired), in spending order (priority, age, id: {@link com.novabilling.api.wallet.WalletCredits#spendingOrder}).
     */
    public List<WalletFunds> spendable(String customerId, CurrencyCode currency, Instant at) {
        return jdbcTemplate.query("""
                SELECT wallet_id, balance_minor FROM wallet_balance
                WHERE customer_id = ? AND currency = ? AND status = 'ACTIVE' AND balance_minor > 0
                  AND (expiration_at IS NULL OR expiration_at > ?)
                ORDER BY priority, created_at, wallet_id""",
                (row, i) -> new WalletFunds(row.getString(1), Money.ofMinor(row.getLong(2), currency)),
                customerId, currency.name(), Timestamp.from(at));
    }

    /** Up to {@code limit} of the customer's ACTIVE wallets, oldest first. */
    public List<String> activeWalletsOf(String customerId, int limit) {
        return jdbcTemplate.queryForList("""
                SELECT wallet_id FROM wallet_balance WHERE customer_id = ? AND status = 'ACTIVE'
                ORDER BY created_at, wallet_id LIMIT ?""", String.class, customerId, limit);
    }

    /** Takes the customer's wallet lock until the current transaction ends (a transaction-scoped advisory lock). */
    public void lockCustomer(String customerId) {
        jdbcTemplate.query("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))", row -> null,
                "wallet-customer/" + customerId);
    }

    public Optional<Purchase> purchaseOf(String invoiceId) {
        return jdbcTemplate.query("SELECT wallet_id, transaction_id FROM wallet_purchase_invoice WHERE invoice_id = ?",
                (row, i) -> new Purchase(row.getString(1), row.getString(2)), invoiceId).stream().findFirst();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
