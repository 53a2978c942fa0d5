package com.novabilling.command.wallet;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metadata.Metadata;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.InvalidAmountException;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.ConsumeWalletCreditsCommand;
import com.novabilling.api.wallet.CreateWalletCommand;
import com.novabilling.api.wallet.ExpireWalletCommand;
import com.novabilling.api.wallet.FailWalletPurchaseCommand;
import com.novabilling.api.wallet.InboundCredit;
import com.novabilling.api.wallet.SettleWalletPurchaseCommand;
import com.novabilling.api.wallet.TerminateWalletCommand;
import com.novabilling.api.wallet.TopUpWalletCommand;
import com.novabilling.api.wallet.UpdateWalletCommand;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionFailedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's wallet of prepaid credits in one currency (docs/billing-rules.md §15).
 * <ul>
 *   <li>Money: {@code credits × rateAmount}, rounded once HALF_UP per transaction ({@link WalletCredits#toMoney});
 *       the balance is the sum of the settled inbound transactions' remainders, in minor units.</li>
 *   <li>Granted credits settle at once. Paid credits settle at once too, unless the wallet sets
 *       {@code invoiceRequiresSuccessfulPayment}: then they stay PENDING (not spendable) until their credit-purchase
 *       invoice is paid ({@link SettleWalletPurchaseCommand}) and FAIL if it is voided
 *       ({@link FailWalletPurchaseCommand}). Either way a PURCHASED transaction names its credit-purchase invoice.</li>
 *   <li>Every outbound transaction (INVOICED, VOIDED) draws granted credit before purchased, oldest first
 *       ({@link WalletCredits#draw}) and records each inbound transaction it drew from and how much.</li>
 *   <li>An invoice spends at most the settled balance — more is refused, since the caller decided the amount as
 *       {@code min(balance, remaining)} under the customer's lock — and at most once.</li>
 *   <li>Terminating, and expiry at {@code expirationAt}, void the settled remainder, fail pending purchases and end
 *       the wallet. Once {@code expirationAt} has passed nothing more is spent, topped up or changed, even before
 *       the expiry itself has run.</li>
 * </ul>
 * Command handlers decide; event sourcing handlers only assign. "Now" is the tenant's {@link Clock}, a handler
 * parameter.
 */
@Aggregate
public class Wallet {

    @AggregateIdentifier
    private String walletId;
    private String customerId;
    private String name;
    private CurrencyCode currency;
    private BigDecimal rateAmount;
    private int priority;
    private Instant expirationAt;
    private boolean invoiceRequiresSuccessfulPayment;
    private WalletStatus status;
    /** The PURCHASED and GRANTED transactions in the order recorded, each with what remains of it. */
    private final Map<String, InboundCredit> inbound = new LinkedHashMap<>();
    /** The credits of every transaction by id: a repeated top-up finds what it made. */
    private final Map<String, BigDecimal> transactionCredits = new HashMap<>();
    /** Invoice → what it spent from this wallet. */
    private final Map<String, Money> spentBy = new HashMap<>();

    protected Wallet() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Wallet(CreateWalletCommand command, WalletCustomers customers, Clock clock) {
        Instant now = now(clock);
        if (blank(command.customerId())) {
            throw new ValidationException("customerId", "is required");
        }
        CurrencyCode walletCurrency = command.currency();
        if (walletCurrency == null) {
            throw new ValidationException("currency", "is required");
        }
        String walletName = name(command.name());
        BigDecimal rate = rateAmount(command.rateAmount());
        int walletPriority = priority(command.priority(), WalletCredits.DEFAULT_PRIORITY);
        Instant expiry = expirationAt(command.expirationAt(), now);
        boolean requiresPayment = Boolean.TRUE.equals(command.invoiceRequiresSuccessfulPayment());
        Credits paid = credits("paidCredits", command.paidCredits(), rate, walletCurrency);
        Credits granted = credits("grantedCredits", command.grantedCredits(), rate, walletCurrency);
        if (!customers.holdLive(command.customerId())) {
            throw new NotFoundException("Customer", command.customerId());
        }

        // events applied in a constructor reach the state only after it returns: the ledger computes on its own copy
        Ledger ledger = new Ledger(command.walletId(), command.customerId(), walletCurrency, rate, requiresPayment,
                List.of());
        ledger.purchase(WalletIds.created(command.walletId(), WalletTransactionType.PURCHASED), paid, now);
        ledger.grant(WalletIds.created(command.walletId(), WalletTransactionType.GRANTED), granted, now);
        apply(new WalletCreatedEvent(command.walletId(), command.customerId(), walletName, walletCurrency, rate,
                walletPriority, expiry, requiresPayment, Metadata.copyOf(command.metadata()), now));
        ledger.events.forEach(AggregateLifecycle::apply);
    }

    /** Buy, grant and void credits, in that order, at most once per {@code topUpId}. */
    @CommandHandler
    public void handle(TopUpWalletCommand command, Clock clock) {
        Instant now = now(clock);
        if (blank(command.topUpId())) {
            throw new ValidationException("topUpId", "is required");
        }
        Credits paid = credits("paidCredits", command.paidCredits(), rateAmount, currency);
        Credits granted = credits("grantedCredits", command.grantedCredits(), rateAmount, currency);
        Credits voided = credits("voidedCredits", command.voidedCredits(), rateAmount, currency);
        if (paid.none() && granted.none() && voided.none()) {
            String message = "one of paidCredits, grantedCredits and voidedCredits must be more than 0";
            throw new ValidationException(List.of(new FieldError("paidCredits", message),
                    new FieldError("grantedCredits", message), new FieldError("voidedCredits", message)));
        }
        String paidId = WalletIds.topUp(walletId, command.topUpId(), WalletTransactionType.PURCHASED);
        String grantedId = WalletIds.topUp(walletId, command.topUpId(), WalletTransactionType.GRANTED);
        String voidedId = WalletIds.topUp(walletId, command.topUpId(), WalletTransactionType.VOIDED);
        if (transactionCredits.containsKey(paidId) || transactionCredits.containsKey(grantedId)
                || transactionCredits.containsKey(voidedId)) {
            if (made(paidId, paid) && made(grantedId, granted) && made(voidedId, voided)) {
                return;
            }
            throw new ConflictException("topUpId", "Top-up " + command.topUpId() + " of wallet " + walletId
                    + " was already made with other credits");
        }
        requireActive(now);
        Ledger ledger = ledger();
        ledger.purchase(paidId, paid, now);
        ledger.grant(grantedId, granted, now);
        if (!voided.none()) {
            Money settled = ledger.balance();
            if (voided.amount().compareTo(settled) > 0) {
                throw new ConflictException("voidedCredits", "Wallet " + walletId + " has "
                        + describe(settled) + " settled; " + voided.credits().toPlainString() + " credits are "
                        + voided.amount().toMajor().toPlainString() + " " + currency);
            }
            ledger.take(voidedId, WalletTransactionType.VOIDED, voided.credits(), voided.amount(), null, now);
        }
        ledger.events.forEach(AggregateLifecycle::apply);
    }

    /** An invoice at finalization spends {@code amount} of the settled balance, once (§13.2 step 5). */
    @CommandHandler
    public void handle(ConsumeWalletCreditsCommand command, Clock clock) {
        Instant now = now(clock);
        if (blank(command.invoiceId())) {
            throw new ValidationException("invoiceId", "is required");
        }
        Money amount = command.amount();
        if (amount == null || amount.minor() <= 0) {
            throw new ValidationException("amount", "must be more than 0 " + currency);
        }
        if (amount.currency() != currency) {
            throw new ValidationException("amount", "must be in " + currency + ", the currency of wallet "
                    + walletId + ", not " + amount.currency());
        }
        Money previous = spentBy.get(command.invoiceId());
        if (previous != null) {
            if (previous.equals(amount)) {
                return;
            }
            throw new ConflictException("Invoice " + command.invoiceId() + " already spent "
                    + previous.toMajor().toPlainString() + " " + currency + " of wallet " + walletId);
        }
        requireActive(now);
        Ledger ledger = ledger();
        Money settled = ledger.balance();
        if (amount.compareTo(settled) > 0) {
            throw new ConflictException("amount", "Wallet " + walletId + " has " + describe(settled)
                    + " settled, less than " + amount.toMajor().toPlainString() + " " + currency);
        }
        ledger.take(WalletIds.invoiced(walletId, command.invoiceId()), WalletTransactionType.INVOICED,
                WalletCredits.toCredits(amount, rateAmount), amount, command.invoiceId(), now);
        ledger.events.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public void handle(UpdateWalletCommand command, Clock clock) {
        Instant now = now(clock);
        String newName = command.name() != null ? name(command.name()) : name;
        int newPriority = priority(command.priority(), priority);
        Instant newExpiry = command.expirationAt() != null ? expirationAt(command.expirationAt(), now) : expirationAt;
        requireActive(now);
        if (Objects.equals(newName, name) && newPriority == priority && Objects.equals(newExpiry, expirationAt)) {
            return;
        }
        apply(new WalletUpdatedEvent(walletId, newName, newExpiry, newPriority));
    }

    @CommandHandler
    public void handle(TerminateWalletCommand command, Clock clock) {
        if (status == WalletStatus.TERMINATED) {
            throw new ConflictException("Wallet " + walletId + " is already TERMINATED");
        }
        end(now(clock), false);
    }

    /** Due at {@code expirationAt}; a stale one (no expiry, expiry moved later, wallet ended) changes nothing. */
    @CommandHandler
    public void handle(ExpireWalletCommand command, Clock clock) {
        Instant now = now(clock);
        if (status == WalletStatus.TERMINATED || !expired(now)) {
            return;
        }
        end(now, true);
    }

    @CommandHandler
    public void handle(SettleWalletPurchaseCommand command, Clock clock) {
        InboundCredit purchase = purchase(command.transactionId());
        switch (purchase.status()) {
            case SETTLED -> {
                // settled at once (the default) or already settled: nothing to do
            }
            case FAILED -> throw new ConflictException("Purchase " + purchase.transactionId() + " of wallet "
                    + walletId + " FAILED (its invoice was voided, or the wallet ended) and cannot settle");
            case PENDING -> apply(new WalletTransactionSettledEvent(walletId, customerId, purchase.transactionId(),
                    purchase.amount(), now(clock), balance().plus(purchase.remaining())));
        }
    }

    @CommandHandler
    public void handle(FailWalletPurchaseCommand command, Clock clock) {
        InboundCredit purchase = purchase(command.transactionId());
        switch (purchase.status()) {
            case FAILED -> {
                // already failed: nothing to do
            }
            case SETTLED -> throw new ConflictException("Purchase " + purchase.transactionId() + " of wallet "
                    + walletId + " is SETTLED and its credit may have been spent; void credits instead");
            case PENDING -> apply(failed(purchase, now(clock)));
        }
    }

    @EventSourcingHandler
    void on(WalletCreatedEvent event) {
        walletId = event.walletId();
        customerId = event.customerId();
        name = event.name();
        currency = event.currency();
        rateAmount = event.rateAmount();
        priority = event.priority();
        expirationAt = event.expirationAt();
        invoiceRequiresSuccessfulPayment = event.invoiceRequiresSuccessfulPayment();
        status = WalletStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(WalletTransactionCreatedEvent event) {
        transactionCredits.put(event.transactionId(), event.credits());
        if (event.type().inbound()) {
            inbound.put(event.transactionId(), new InboundCredit(event.transactionId(), event.type(), event.status(),
                    event.createdAt(), event.amount(), event.amount()));
            return;
        }
        for (WalletDraw draw : event.draws()) {
            InboundCredit from = inbound.get(draw.inboundTransactionId());
            inbound.put(from.transactionId(), from.withRemaining(from.remaining().minus(draw.amount())));
        }
        if (event.type() == WalletTransactionType.INVOICED) {
            spentBy.put(event.invoiceId(), event.amount());
        }
    }

    @EventSourcingHandler
    void on(WalletTransactionSettledEvent event) {
        inbound.computeIfPresent(event.transactionId(),
                (id, credit) -> credit.withStatus(WalletTransactionStatus.SETTLED));
    }

    @EventSourcingHandler
    void on(WalletTransactionFailedEvent event) {
        inbound.computeIfPresent(event.transactionId(),
                (id, credit) -> credit.withStatus(WalletTransactionStatus.FAILED));
    }

    @EventSourcingHandler
    void on(WalletUpdatedEvent event) {
        name = event.name();
        expirationAt = event.expirationAt();
        priority = event.priority();
    }

    @EventSourcingHandler
    void on(WalletTerminatedEvent event) {
        status = WalletStatus.TERMINATED;
    }

    // ---- decisions shared by the handlers

    /** Void the settled remainder, fail pending purchases, end the wallet. */
    private void end(Instant now, boolean expired) {
        Ledger ledger = ledger();
        Money remainder = ledger.balance();
        if (!remainder.isZero()) {
            ledger.take(WalletIds.ended(walletId), WalletTransactionType.VOIDED,
                    WalletCredits.toCredits(remainder, rateAmount), remainder, null, now);
        }
        List<Object> events = new ArrayList<>(ledger.events);
        inbound.values().stream().filter(credit -> credit.status() == WalletTransactionStatus.PENDING)
                .forEach(pending -> events.add(failed(pending, now)));
        events.add(new WalletTerminatedEvent(walletId, customerId, now, expired));
        events.forEach(AggregateLifecycle::apply);
    }

    private WalletTransactionFailedEvent failed(InboundCredit purchase, Instant now) {
        return new WalletTransactionFailedEvent(walletId, customerId, purchase.transactionId(),
                WalletIds.purchaseInvoiceId(purchase.transactionId()), purchase.amount(), now);
    }

    private void requireActive(Instant now) {
        if (status == WalletStatus.TERMINATED) {
            throw new ConflictException("Wallet " + walletId + " is TERMINATED");
        }
        if (expired(now)) {
            throw new ConflictException("Wallet " + walletId + " expired at " + expirationAt);
        }
    }

    private boolean expired(Instant now) {
        return expirationAt != null && !now.isBefore(expirationAt);
    }

    private InboundCredit purchase(String transactionId) {
        InboundCredit purchase = transactionId == null ? null : inbound.get(transactionId);
        if (purchase == null || purchase.type() != WalletTransactionType.PURCHASED) {
            throw new NotFoundException("Wallet purchase", transactionId);
        }
        return purchase;
    }

    /** Whether the transaction {@code id} was made with these credits (absent when there were none). */
    private boolean made(String id, Credits credits) {
        BigDecimal recorded = transactionCredits.get(id);
        return credits.none() ? recorded == null : recorded != null && recorded.compareTo(credits.credits()) == 0;
    }

    private Money balance() {
        return WalletCredits.spendable(currency, List.copyOf(inbound.values()));
    }

    private Ledger ledger() {
        return new Ledger(walletId, customerId, currency, rateAmount, invoiceRequiresSuccessfulPayment,
                List.copyOf(inbound.values()));
    }

    private String describe(Money settled) {
        return WalletCredits.toCredits(settled, rateAmount).toPlainString() + " credits ("
                + settled.toMajor().toPlainString() + " " + currency + ")";
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String name(String name) {
        if (name != null && name.isBlank()) {
            throw new ValidationException("name", "must not be blank");
        }
        return name;
    }

    private static BigDecimal rateAmount(BigDecimal rateAmount) {
        if (rateAmount == null) {
            return BigDecimal.ONE;
        }
        if (rateAmount.signum() <= 0) {
            throw new ValidationException("rateAmount", "must be more than 0");
        }
        if (rateAmount.compareTo(Money.MAX_MAJOR) > 0) {
            throw new ValidationException("rateAmount", "must be at most " + Money.MAX_MAJOR.toPlainString());
        }
        return WalletCredits.normalize(rateAmount);
    }

    private static int priority(Integer priority, int otherwise) {
        if (priority == null) {
            return otherwise;
        }
        if (priority < WalletCredits.MIN_PRIORITY || priority > WalletCredits.MAX_PRIORITY) {
            throw new ValidationException("priority", "must be between " + WalletCredits.MIN_PRIORITY + " and "
                    + WalletCredits.MAX_PRIORITY);
        }
        return priority;
    }

    /** Kept at the ledger's millisecond precision, as "now" is: the expiry deadline fires at exactly this instant. */
    private static Instant expirationAt(Instant expirationAt, Instant now) {
        Instant expiry = expirationAt == null ? null : expirationAt.truncatedTo(ChronoUnit.MILLIS);
        if (expiry != null && !expiry.isAfter(now)) {
            throw new ValidationException("expirationAt", "must be in the future");
        }
        return expiry;
    }

    /** Credits of a request field (null: none) with their money; refuses negatives and worthless or huge amounts. */
    private static Credits credits(String field, BigDecimal value, BigDecimal rate, CurrencyCode currency) {
        if (value == null || value.signum() == 0) {
            return new Credits(BigDecimal.ZERO, Money.zero(currency));
        }
        if (value.signum() < 0) {
            throw new ValidationException(field, "must not be negative");
        }
        BigDecimal credits = WalletCredits.normalize(value);
        Money amount;
        try {
            amount = WalletCredits.toMoney(credits, rate, currency);
        } catch (InvalidAmountException | ArithmeticException e) {
            amount = null;
        }
        if (amount == null || amount.toMajor().compareTo(Money.MAX_MAJOR) > 0) {
            throw new ValidationException(field, "are worth more than " + Money.MAX_MAJOR.toPlainString() + " "
                    + currency + " at rateAmount " + rate.toPlainString());
        }
        if (amount.isZero()) {
            throw new ValidationException(field, "are worth less than the smallest amount of " + currency
                    + " at rateAmount " + rate.toPlainString());
        }
        return new Credits(credits, amount);
    }

    /** Credits and what they are worth, rounded once. */
    private record Credits(BigDecimal credits, Money amount) {
        boolean none() {
            return credits.signum() == 0;
        }
    }

    /**
     * A working copy of the inbound transactions on which one command computes its events, each one seeing the
     * remainders the previous left (a top-up's void draws from the grant made just before).
     */
    private static final class Ledger {
        private final String walletId;
        private final String customerId;
        private final CurrencyCode currency;
        private final BigDecimal rateAmount;
        private final boolean requiresPayment;
        private final List<InboundCredit> inbound;
        private final List<WalletTransactionCreatedEvent> events = new ArrayList<>();

        Ledger(String walletId, String customerId, CurrencyCode currency, BigDecimal rateAmount,
               boolean requiresPayment, List<InboundCredit> inbound) {
            this.walletId = walletId;
            this.customerId = customerId;
            this.currency = currency;
            this.rateAmount = rateAmount;
            this.requiresPayment = requiresPayment;
            this.inbound = new ArrayList<>(inbound);
        }

        Money balance() {
            return WalletCredits.spendable(currency, inbound);
        }

        void purchase(String transactionId, Credits credits, Instant now) {
            if (credits.none()) {
                return;
            }
            WalletTransactionStatus status = requiresPayment
                    ? WalletTransactionStatus.PENDING : WalletTransactionStatus.SETTLED;
            inbound.add(new InboundCredit(transactionId, WalletTransactionType.PURCHASED, status, now,
                    credits.amount(), credits.amount()));
            events.add(new WalletTransactionCreatedEvent(walletId, customerId, transactionId,
                    WalletTransactionType.PURCHASED, status, credits.credits(), credits.amount(),
                    WalletIds.purchaseInvoiceId(transactionId), List.of(), now, balance()));
        }

        void grant(String transactionId, Credits credits, Instant now) {
            if (credits.none()) {
                return;
            }
            inbound.add(new InboundCredit(transactionId, WalletTransactionType.GRANTED,
                    WalletTransactionStatus.SETTLED, now, credits.amount(), credits.amount()));
            events.add(new WalletTransactionCreatedEvent(walletId, customerId, transactionId,
                    WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, credits.credits(),
                    credits.amount(), null, List.of(), now, balance()));
        }

        /** An outbound transaction of at most {@link #balance()}, drawn by {@link WalletCredits#draw}. */
        void take(String transactionId, WalletTransactionType type, BigDecimal credits, Money amount,
                  String invoiceId, Instant now) {
            List<WalletDraw> draws = WalletCredits.draw(inbound, amount, rateAmount);
            for (WalletDraw draw : draws) {
                for (int i = 0; i < inbound.size(); i++) {
                    InboundCredit credit = inbound.get(i);
                    if (credit.transactionId().equals(draw.inboundTransactionId())) {
                        inbound.set(i, credit.withRemaining(credit.remaining().minus(draw.amount())));
                    }
                }
            }
            events.add(new WalletTransactionCreatedEvent(walletId, customerId, transactionId, type,
                    WalletTransactionStatus.SETTLED, credits, amount, invoiceId, draws, now, balance()));
        }
    }
}
