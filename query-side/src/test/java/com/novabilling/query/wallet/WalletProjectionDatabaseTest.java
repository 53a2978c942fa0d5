package com.novabilling.query.wallet;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.api.wallet.ListWalletTransactionsQuery;
import com.novabilling.api.wallet.ListWalletsQuery;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletDrawView;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletTransactionView;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import com.novabilling.api.wallet.WalletView;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The wallet projection and its queries on the real read-model schema in PostgreSQL (docs/billing-rules.md §15). */
class WalletProjectionDatabaseTest extends ReadModelDatabaseTest {

    private static final String WALLET = "wal_0123456789abcdef01234567";
    private static final String CUSTOMER = "cus_0123456789abcdef01234567";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);
    private static final BigDecimal RATE = new BigDecimal("1.5");

    private WalletProjection projection;

    @BeforeEach
    void setUp() {
        projection = new WalletProjection(repositories.getRepository(WalletRepository.class),
                repositories.getRepository(WalletTransactionRepository.class));
        inTransaction(projection::reset);
    }

    private static Money usd(long minor) {
        return Money.ofMinor(minor, CurrencyCode.USD);
    }

    private static WalletCreatedEvent created() {
        return new WalletCreatedEvent(WALLET, CUSTOMER, "Main", CurrencyCode.USD, RATE, 5, T0.plusSeconds(86_400),
                true, Map.of("team", "ops"), T0);
    }

    /** W2: buy 20 credits (pending 30.00), grant 10 (15.00). */
    private static final WalletTransactionCreatedEvent PURCHASE = new WalletTransactionCreatedEvent(WALLET, CUSTOMER,
            "wtx_purchase", WalletTransactionType.PURCHASED, WalletTransactionStatus.PENDING, new BigDecimal("20"),
            usd(3000), "inv_purchase", List.of(), T0, usd(0));
    private static final WalletTransactionCreatedEvent GRANT = new WalletTransactionCreatedEvent(WALLET, CUSTOMER,
            "wtx_grant", WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, new BigDecimal("10"),
            usd(1500), null, List.of(), T0, usd(1500));
    /** An invoice of 12.00 takes 12.00 of the grant. */
    private static final WalletTransactionCreatedEvent INVOICED = new WalletTransactionCreatedEvent(WALLET, CUSTOMER,
            "wtx_invoiced", WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED, new BigDecimal("8"),
            usd(1200), "inv_1", List.of(new WalletDraw("wtx_grant", WalletTransactionType.GRANTED, T0, usd(1500),
            usd(1200), new BigDecimal("8"))), T1, usd(300));

    private void apply(Object event, Instant at) {
        inTransaction(() -> {
            if (event instanceof WalletCreatedEvent e) {
                projection.on(e, at);
            } else if (event instanceof WalletTransactionCreatedEvent e) {
                projection.on(e, at);
            } else if (event instanceof WalletTransactionSettledEvent e) {
                projection.on(e, at);
            } else if (event instanceof WalletTransactionFailedEvent e) {
                projection.on(e, at);
            } else if (event instanceof WalletUpdatedEvent e) {
                projection.on(e, at);
            } else if (event instanceof WalletTerminatedEvent e) {
                projection.on(e, at);
            } else {
                throw new IllegalArgumentException(event.toString());
            }
        });
    }

    private WalletView wallet() {
        return projection.handle(new FindWalletQuery(WALLET));
    }

    private PageResult<WalletTransactionView> transactions(WalletTransactionType type,
                                                           WalletTransactionStatus status) {
        return projection.handle(new ListWalletTransactionsQuery(WALLET, 1, 20, type, status));
    }

    @Test
    void w2_eachEventMovesTheBalancesAndARedeliveryChangesNothing() {
        apply(created(), T0);
        apply(PURCHASE, T0);
        apply(GRANT, T0);
        assertThat(wallet()).isEqualTo(new WalletView(WALLET, CUSTOMER, "Main", CurrencyCode.USD, RATE,
                WalletStatus.ACTIVE, new BigDecimal("15.00"), new BigDecimal("10"), new BigDecimal("30.00"),
                new BigDecimal("0.00"), BigDecimal.ZERO, 5, T0.plusSeconds(86_400), null, true,
                Map.of("team", "ops"), T0, T0));

        apply(INVOICED, T1);
        apply(created(), T0); // redelivered, as the batch after it
        apply(PURCHASE, T0);
        apply(GRANT, T0);
        apply(INVOICED, T1);
        WalletView spent = wallet();
        assertThat(spent.balance()).isEqualByComparingTo("3.00");
        assertThat(spent.creditsBalance()).isEqualByComparingTo("2");
        assertThat(spent.consumedAmount()).isEqualByComparingTo("12.00");
        assertThat(spent.consumedCredits()).isEqualByComparingTo("8");
        assertThat(spent.pendingBalance()).isEqualByComparingTo("30.00");
        assertThat(transactions(null, null).data()).hasSize(3);
        WalletTransactionView invoiced = transactions(WalletTransactionType.INVOICED, null).data().get(0);
        assertThat(invoiced.draws()).containsExactly(new WalletDrawView("wtx_grant", WalletTransactionType.GRANTED,
                T0, new BigDecimal("15.00"), new BigDecimal("12.00"), new BigDecimal("8"),
                "12.00 of the 2026-03-01 grant of 15.00"));
        assertThat(invoiced.invoiceId()).isEqualTo("inv_1");
        assertThat(invoiced.settledAt()).isEqualTo(T1);

        WalletTransactionSettledEvent settled = new WalletTransactionSettledEvent(WALLET, CUSTOMER, "wtx_purchase",
                usd(3000), T2, usd(3300));
        apply(settled, T2);
        apply(settled, T2); // redelivered
        WalletView paid = wallet();
        assertThat(paid.balance()).isEqualByComparingTo("33.00");
        assertThat(paid.creditsBalance()).isEqualByComparingTo("22");
        assertThat(paid.pendingBalance()).isEqualByComparingTo("0");
        assertThat(paid.updatedAt()).isEqualTo(T2);
        WalletTransactionView purchase = transactions(WalletTransactionType.PURCHASED, null).data().get(0);
        assertThat(purchase.status()).isEqualTo(WalletTransactionStatus.SETTLED);
        assertThat(purchase.settledAt()).isEqualTo(T2);
        assertThat(purchase.invoiceId()).isEqualTo("inv_purchase");
    }

    @Test
    void aFailedPurchaseLeavesPendingAndTerminationEndsTheWallet() {
        apply(created(), T0);
        apply(PURCHASE, T0);
        apply(GRANT, T0);
        apply(new WalletUpdatedEvent(WALLET, "Renamed", null, 1), T1);
        apply(new WalletTransactionCreatedEvent(WALLET, CUSTOMER, "wtx_end", WalletTransactionType.VOIDED,
                WalletTransactionStatus.SETTLED, new BigDecimal("10"), usd(1500), null, List.of(new WalletDraw(
                "wtx_grant", WalletTransactionType.GRANTED, T0, usd(1500), usd(1500), new BigDecimal("10"))), T2,
                usd(0)), T2);
        WalletTransactionFailedEvent failed = new WalletTransactionFailedEvent(WALLET, CUSTOMER, "wtx_purchase",
                "inv_purchase", usd(3000), T2);
        apply(failed, T2);
        apply(failed, T2);
        apply(new WalletTerminatedEvent(WALLET, CUSTOMER, T2, false), T2);

        WalletView ended = wallet();
        assertThat(ended.status()).isEqualTo(WalletStatus.TERMINATED);
        assertThat(ended.terminatedAt()).isEqualTo(T2);
        assertThat(ended.name()).isEqualTo("Renamed");
        assertThat(ended.priority()).isEqualTo(1);
        assertThat(ended.expirationAt()).isNull();
        assertThat(ended.balance()).isEqualByComparingTo("0");
        assertThat(ended.pendingBalance()).isEqualByComparingTo("0");
        assertThat(ended.consumedAmount()).as("voided is not consumed").isEqualByComparingTo("0");
        WalletTransactionView purchase = transactions(null, WalletTransactionStatus.FAILED).data().get(0);
        assertThat(purchase.id()).isEqualTo("wtx_purchase");
        assertThat(purchase.failedAt()).isEqualTo(T2);
        assertThat(purchase.settledAt()).isNull();
        assertThat(transactions(WalletTransactionType.VOIDED, WalletTransactionStatus.SETTLED).data()).hasSize(1);
    }

    @Test
    void listsFilterAndAMissingWalletIsA404() {
        apply(created(), T0);
        apply(new WalletCreatedEvent("wal_other", "cus_other", null, CurrencyCode.UGX, new BigDecimal("100"), 50,
                null, false, null, T1), T1);
        apply(new WalletTransactionCreatedEvent("wal_other", "cus_other", "wtx_ugx", WalletTransactionType.GRANTED,
                WalletTransactionStatus.SETTLED, new BigDecimal("25"), Money.ofMinor(2500, CurrencyCode.UGX), null,
                List.of(), T1, Money.ofMinor(2500, CurrencyCode.UGX)), T1);
        apply(new WalletTerminatedEvent(WALLET, CUSTOMER, T3, true), T3);

        assertThat(projection.handle(new ListWalletsQuery(1, 20, null, null)).data()).extracting(WalletView::id)
                .containsExactly("wal_other", WALLET);
        assertThat(projection.handle(new ListWalletsQuery(1, 20, "cus_other", null)).data())
                .extracting(WalletView::id).containsExactly("wal_other");
        assertThat(projection.handle(new ListWalletsQuery(1, 20, null, WalletStatus.TERMINATED)).data())
                .extracting(WalletView::id).containsExactly(WALLET);
        WalletView ugx = projection.handle(new FindWalletQuery("wal_other"));
        assertThat(ugx.balance()).isEqualTo(new BigDecimal("2500"));
        assertThat(ugx.creditsBalance()).isEqualTo(new BigDecimal("25"));
        assertThat(ugx.metadata()).isEmpty();

        assertThatThrownBy(() -> projection.handle(new FindWalletQuery("wal_missing")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> projection.handle(new ListWalletTransactionsQuery("wal_missing", 1, 20, null,
                null))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aResetEmptiesBothTables() {
        apply(created(), T0);
        apply(GRANT, T0);
        inTransaction(projection::reset);
        assertThat(projection.handle(new ListWalletsQuery(1, 20, null, null)).data()).isEmpty();
        assertThat(repositories.getRepository(WalletTransactionRepository.class).count()).isZero();
    }
}
