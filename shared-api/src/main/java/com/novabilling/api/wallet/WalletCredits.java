package com.novabilling.api.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The wallet rules that do not depend on a wallet's history (docs/billing-rules.md §15), shared by the {@code Wallet}
 * aggregate and whoever orders wallets for an invoice's step 5:
 * <ul>
 *   <li>money of credits: {@code credits × rateAmount}, rounded once HALF_UP to the currency;</li>
 *   <li>credits of money: {@code amount ÷ rateAmount} at scale 9 (for display; the minor units are authoritative);</li>
 *   <li>the order wallets are spent in: priority (1 first), then age;</li>
 *   <li>the order inside one wallet: granted before purchased, then oldest first, only settled credit.</li>
 * </ul>
 */
public final class WalletCredits {

    /** Spent first. */
    public static final int MIN_PRIORITY = 1;
    /** Spent last. */
    public static final int MAX_PRIORITY = 50;
    /** A wallet created without a priority is spent after every wallet that has one (as Lago's default). */
    public static final int DEFAULT_PRIORITY = MAX_PRIORITY;
    /** Decimals kept when money is turned back into credits. */
    public static final int CREDITS_SCALE = 9;

    private static final Comparator<InboundCredit> DRAW_ORDER = Comparator
            .comparing((InboundCredit credit) -> credit.type() == WalletTransactionType.GRANTED ? 0 : 1)
            .thenComparing(InboundCredit::createdAt);

    private WalletCredits() {
    }

    /** {@code credits × rateAmount} in major units, rounded once HALF_UP to the currency's exponent. */
    public static Money toMoney(BigDecimal credits, BigDecimal rateAmount, CurrencyCode currency) {
        return Money.ofMajorRounded(credits.multiply(rateAmount), currency); // exact product, one rounding
    }

    /** {@code amount ÷ rateAmount}, HALF_UP at {@link #CREDITS_SCALE} decimals, without trailing zeros. */
    public static BigDecimal toCredits(Money amount, BigDecimal rateAmount) {
        return normalize(amount.toMajor().divide(rateAmount, CREDITS_SCALE, RoundingMode.HALF_UP));
    }

    /** Without trailing zeros, never in exponent notation: 1.50 → 1.5, 100 → 100, 0.000 → 0. */
    public static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /**
     * The order in which a customer's wallets are spent on an invoice: lower {@code priority} first, then the older,
     * then by id (so two wallets created in the same millisecond keep one order). Build the engine's
     * {@code WalletFunds} list in this order.
     */
    public static <T> Comparator<T> spendingOrder(ToIntFunction<T> priority, Function<T, Instant> createdAt,
                                                  Function<T, String> walletId) {
        return Comparator.comparingInt(priority).thenComparing(createdAt).thenComparing(walletId);
    }

    /** What the wallet may spend now: the remainders of its settled inbound transactions. */
    public static Money spendable(CurrencyCode currency, List<InboundCredit> credits) {
        Money total = Money.zero(currency);
        for (InboundCredit credit : credits) {
            if (credit.spendable()) {
                total = total.plus(credit.remaining());
            }
        }
        return total;
    }

    /**
     * Splits an outbound {@code amount} over the wallet's inbound transactions: settled credit only, GRANTED before
     * PURCHASED, then oldest first (equal instants keep the order given, which should be the order they were
     * recorded in); each gives {@code min(its remainder, what is still to draw)}.
     *
     * @param credits    the wallet's inbound transactions, in the order they were recorded
     * @param rateAmount the wallet's value of one credit, for each draw's credits
     * @throws IllegalArgumentException when {@code amount} is not more than 0, in another currency, or more than
     *                                  {@link #spendable} — the caller refuses those first
     */
    public static List<WalletDraw> draw(List<InboundCredit> credits, Money amount, BigDecimal rateAmount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.minor() <= 0) {
            throw new IllegalArgumentException("a draw is more than 0: " + amount);
        }
        if (spendable(amount.currency(), sameCurrency(credits, amount.currency())).compareTo(amount) < 0) {
            throw new IllegalArgumentException("the wallet's settled credit is less than " + amount);
        }
        List<InboundCredit> ordered = credits.stream().filter(InboundCredit::spendable).sorted(DRAW_ORDER).toList();
        List<WalletDraw> draws = new ArrayList<>();
        Money left = amount;
        for (InboundCredit credit : ordered) {
            if (left.isZero()) {
                break;
            }
            Money taken = credit.remaining().min(left);
            left = left.minus(taken);
            draws.add(new WalletDraw(credit.transactionId(), credit.type(), credit.createdAt(), credit.amount(), taken,
                    toCredits(taken, rateAmount)));
        }
        return List.copyOf(draws);
    }

    private static List<InboundCredit> sameCurrency(List<InboundCredit> credits, CurrencyCode currency) {
        for (InboundCredit credit : credits) {
            if (credit.amount().currency() != currency || credit.remaining().currency() != currency) {
                throw new IllegalArgumentException("a wallet's credit is in " + credit.amount().currency()
                        + ", the draw in " + currency);
            }
        }
        return credits;
    }
}
