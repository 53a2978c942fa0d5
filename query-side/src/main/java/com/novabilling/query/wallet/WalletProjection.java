package com.novabilling.query.wallet;

import com.novabilling.api.money.Money;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.api.wallet.ListWalletTransactionsQuery;
import com.novabilling.api.wallet.ListWalletsQuery;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletTransactionView;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import com.novabilling.api.wallet.WalletView;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The {@code wallets} and {@code wallet_transactions} read models (docs/billing-rules.md §15): their event handlers
 * and their queries. A transaction row is written once from its event and only a PENDING purchase's status changes
 * later; the wallet's balance is the settled balance the last new transaction event reported, and its pending and
 * consumed amounts are summed from its transaction rows. A redelivered event — a transaction already stored, a
 * purchase no longer pending — changes nothing.
 */
@Component
@ProcessingGroup(WalletProjection.PROCESSING_GROUP)
public class WalletProjection extends ReadModelProjection<WalletEntity, WalletRepository> {

    public static final String PROCESSING_GROUP = "wallets";

    private final WalletTransactionRepository transactions;

    public WalletProjection(WalletRepository wallets, WalletTransactionRepository transactions) {
        super("Wallet", wallets, WalletEntity::new, transactions);
        this.transactions = transactions;
    }

    @EventHandler
    public void on(WalletCreatedEvent event, @Timestamp Instant at) {
        create(event.walletId(), at, wallet -> wallet.created(event.customerId(), event.name(), event.currency(),
                event.rateAmount(), event.priority(), event.expirationAt(), event.invoiceRequiresSuccessfulPayment(),
                event.metadata()));
    }

    @EventHandler
    public void on(WalletTransactionCreatedEvent event, @Timestamp Instant at) {
        if (transactions.existsById(event.transactionId())) {
            return; // redelivered: its balance may be older than the wallet's
        }
        transactions.save(WalletTransactionEntity.of(event, at));
        amounts(event.walletId(), event.balance(), at);
    }

    @EventHandler
    public void on(WalletTransactionSettledEvent event, @Timestamp Instant at) {
        WalletTransactionEntity purchase = transaction(event.transactionId());
        if (purchase.status() != WalletTransactionStatus.PENDING) {
            return; // redelivered
        }
        purchase.settled(event.settledAt(), at);
        transactions.save(purchase);
        amounts(event.walletId(), event.balance(), at);
    }

    @EventHandler
    public void on(WalletTransactionFailedEvent event, @Timestamp Instant at) {
        WalletTransactionEntity purchase = transaction(event.transactionId());
        if (purchase.status() != WalletTransactionStatus.PENDING) {
            return; // redelivered
        }
        purchase.failed(event.failedAt(), at);
        transactions.save(purchase);
        amounts(event.walletId(), null, at);
    }

    @EventHandler
    public void on(WalletUpdatedEvent event, @Timestamp Instant at) {
        update(event.walletId(), at, wallet -> wallet.updated(event.name(), event.expirationAt(), event.priority()));
    }

    @EventHandler
    public void on(WalletTerminatedEvent event, @Timestamp Instant at) {
        update(event.walletId(), at, wallet -> wallet.terminated(event.terminatedAt()));
    }

    @QueryHandler
    public WalletView handle(FindWalletQuery query) {
        return find(query.walletId()).toView();
    }

    @QueryHandler
    public PageResult<WalletView> handle(ListWalletsQuery query) {
        Specification<WalletEntity> filter = (root, q, cb) -> cb.conjunction();
        if (query.customerId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("customerId"), query.customerId()));
        }
        if (query.status() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        return pageResult(rows.findAll(filter, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                WalletEntity::toView, query.page(), query.limit());
    }

    /** The wallet's transactions, newest first; a 404 when the wallet does not exist. */
    @QueryHandler
    public PageResult<WalletTransactionView> handle(ListWalletTransactionsQuery query) {
        find(query.walletId());
        Specification<WalletTransactionEntity> filter =
                (root, q, cb) -> cb.equal(root.get("walletId"), query.walletId());
        if (query.type() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("type"), query.type()));
        }
        if (query.status() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        return pageResult(transactions.findAll(filter, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                WalletTransactionEntity::toView, query.page(), query.limit());
    }

    /** The settled balance (null: unchanged) and the sums over the wallet's transaction rows. */
    private void amounts(String walletId, Money balance, Instant at) {
        update(walletId, at, wallet -> wallet.amounts(balance,
                transactions.sumAmount(walletId, WalletTransactionType.PURCHASED, WalletTransactionStatus.PENDING),
                transactions.sumAmount(walletId, WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED),
                transactions.sumCredits(walletId, WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED)));
    }

    private WalletTransactionEntity transaction(String transactionId) {
        return transactions.findById(transactionId).orElseThrow(() -> new IllegalStateException(
                "Wallet transaction " + transactionId + " changed but is not in the read model"));
    }
}
