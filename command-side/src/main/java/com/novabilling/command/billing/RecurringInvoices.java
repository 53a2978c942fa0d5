package com.novabilling.command.billing;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.creditnote.ConsumeCreditNoteCommand;
import com.novabilling.api.creditnote.CreateCreditNoteCommand;
import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.FinalizeCreditNoteCommand;
import com.novabilling.billing.invoice.AvailableCredit;
import com.novabilling.billing.invoice.BalanceDraw;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.InvoiceCalculator;
import com.novabilling.billing.invoice.InvoiceFacts;
import com.novabilling.billing.invoice.PlanChangeSettlement;
import com.novabilling.api.addon.MarkAppliedAddOnInvoicedCommand;
import com.novabilling.billing.invoice.PendingAddOn;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.RecordCouponUsageCommand;
import com.novabilling.billing.invoice.CouponConsumption;
import com.novabilling.billing.invoice.CouponToApply;
import com.novabilling.command.addon.AddOnLookupTable;
import com.novabilling.command.coupon.CouponLookupTable;
import com.novabilling.command.creditnote.AvailableCredits;
import com.novabilling.command.creditnote.CreditNoteIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.invoice.ShortenDraftSubscriptionFeeCommand;
import com.novabilling.api.lateusage.MarkLateUsageAdjustmentBilledCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.PlanTerms;
import com.novabilling.billing.invoice.RecurringInvoice;
import com.novabilling.billing.invoice.RecurringInvoiceFacts;
import com.novabilling.billing.period.BillingPeriod;
import com.novabilling.billing.period.ProrationFacts;
import com.novabilling.command.billingterms.BillingTermsLookup;
import com.novabilling.command.invoice.DraftInvoiceUsage;
import com.novabilling.command.invoice.InvoiceIds;
import com.novabilling.command.plan.PlanLookup;
import com.novabilling.command.plan.PlanLookupTable;
import com.novabilling.command.reference.StoredAggregates;
import com.novabilling.command.reference.UnitOfWorkMemo;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.usage.CurrentTenant;
import com.novabilling.command.usage.UsageRating;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Issues a subscription's recurring invoice at a boundary (docs/billing-rules.md §13.1): the in-advance base fee of
 * the period that opens there, the in-arrears base fee and the usage of the period that closes there (aggregated
 * over that period's own boundaries, recorded in its event — never the subscription's current period), taxed with
 * the billing terms. The billing engine computes the lines; the invoice records them.
 * <p>
 * Exactly one invoice per (subscription, boundary): its id is derived from the pair ({@link InvoiceIds#atBoundary}),
 * so a repeated or concurrent trigger addresses the same invoice and finds it created (the event store refuses a
 * second creation). Without a grace period the invoice is finalized at once; with one it finalizes by itself when
 * the grace period ends ({@code finalizeAt}, acted on by the invoice's grace-period saga); until then late usage of the
 * closed period is re-rated into it (the invoice records its usage window, and asks this class for the window's usage,
 * {@link DraftInvoiceUsage}). A boundary with nothing to
 * bill (a free plan without usage, a trial) issues no invoice. Pending late-usage adjustments of finalized periods
 * (§16, {@link ClosedPeriodReRating}) are billed on the subscription's next boundary invoice, taxed like its usage.
 */
@Component
public class RecurringInvoices implements DraftInvoiceUsage {

    private static final Logger log = LoggerFactory.getLogger(RecurringInvoices.class);

    /** What closes at the boundary: the period, the plan that ran its end at its captured price, and from when. */
    public record ClosedPeriod(Instant start, Instant end, String planId, BillingInterval interval, Money price,
                               Instant planEffectiveFrom, long pausedSeconds) {
    }

    /**
     * What opens at the boundary: the period and the plan it runs on; {@code share} the part of a full period it is
     * billed for when shorter (a calendar-aligned first period), else null.
     */
    public record OpeningPeriod(Instant start, Instant end, String planId, BillingInterval interval, Money price,
                                ProrationFacts share) {
        public OpeningPeriod(Instant start, Instant end, String planId, BillingInterval interval, Money price) {
            this(start, end, planId, interval, price, null);
        }
    }

    private final SubscriptionLookup subscriptions;
    private final PlanLookupTable plans;
    private final BillingTermsLookup billingTerms;
    private final UsageRating usage;
    private final CurrentTenant tenant;
    private final AvailableCredits credits;
    private final AddOnLookupTable addOns;
    private final CouponLookupTable coupons;
    private final LateUsageAdjustmentTable adjustments;
    private final CommandGateway commands;
    private final StoredAggregates storedAggregates;

    public RecurringInvoices(SubscriptionLookup subscriptions, PlanLookupTable plans, BillingTermsLookup billingTerms,
                             UsageRating usage, CurrentTenant tenant, AvailableCredits credits,
                             AddOnLookupTable addOns, CouponLookupTable coupons,
                             LateUsageAdjustmentTable adjustments, CommandGateway commands,
                             StoredAggregates storedAggregates) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.billingTerms = billingTerms;
        this.usage = usage;
        this.tenant = tenant;
        this.credits = credits;
        this.addOns = addOns;
        this.coupons = coupons;
        this.adjustments = adjustments;
        this.commands = commands;
        this.storedAggregates = storedAggregates;
    }

    /**
     * Issues the invoice at {@code boundary} unless it exists — final at once when it has no grace period.
     *
     * @param closed  the period ending at the boundary, or null (the subscription starts there)
     * @param opening the period starting at the boundary, or null (the subscription ends there)
     */
    public void issue(String subscriptionId, CurrencyCode currency, Instant boundary, ClosedPeriod closed,
                      OpeningPeriod opening) {
        String invoiceId = InvoiceIds.atBoundary(subscriptionId, boundary);
        if (storedAggregates.exists(invoiceId)) {
            return; // a redelivery: created (and, without a grace period, finalized) in one committed command
        }
        String customerId = subscriptions.find(subscriptionId)
                .orElseThrow(() -> new IllegalStateException("subscription " + subscriptionId + " is not known"))
                .customerId();
        String termsPlan = closed != null ? closed.planId() : opening.planId();
        BillingTerms terms = billingTerms.termsFor(customerId, termsPlan);
        // Read before any command is sent: what the commands below write reaches the lookups only when this unit of
        // work commits; what earlier invoices of the same unit of work (the processor's batch) consumed is taken off.
        Consumed consumed = consumedInThisUnitOfWork();
        List<PendingAddOn> pendingAddOns = addOns.pendingAddOnsOf(customerId, subscriptionId, currency).stream()
                .filter(addOn -> !consumed.addOns().contains(addOn.appliedAddOnId()))
                .map(addOn -> new PendingAddOn(addOn.appliedAddOnId(), addOn.name(), addOn.quantity(),
                        addOn.unitAmount(), addOn.amount()))
                .toList();
        Map<String, String> couponOfApplication = new HashMap<>();
        List<CouponToApply> activeCoupons = new ArrayList<>();
        for (CouponLookupTable.ActiveCoupon coupon : coupons.activeCouponsOf(customerId, termsPlan)) {
            CouponConsumption earlier = consumed.coupons().get(coupon.appliedCouponId());
            if (earlier != null && earlier.exhausted()) {
                continue;
            }
            Integer periodsRemaining = earlier != null && earlier.periodsRemaining() != null
                    ? earlier.periodsRemaining() : coupon.periodsRemaining();
            Money fixedRemaining = earlier != null && earlier.fixedRemaining() != null
                    ? earlier.fixedRemaining() : coupon.fixedRemaining();
            if (coupon.duration() == CouponDuration.REPEATING && (periodsRemaining == null || periodsRemaining < 1)) {
                continue; // no period left (an application whose periods were not kept)
            }
            couponOfApplication.put(coupon.appliedCouponId(), coupon.couponId());
            activeCoupons.add(new CouponToApply(coupon.appliedCouponId(), coupon.couponCode(), coupon.discount(),
                    coupon.duration(), periodsRemaining, fixedRemaining));
        }
        // late usage of finalized periods waiting for this invoice (§16), locked: billed by one invoice only
        List<LateUsageAdjustmentTable.Adjustment> lateUsage = adjustments.pendingFor(subscriptionId, currency).stream()
                .filter(adjustment -> !consumed.adjustments().contains(adjustment.adjustmentId()))
                .toList();
        ComputedInvoice computed = RecurringInvoice.atBoundary(new RecurringInvoiceFacts(currency, boundary,
                closed == null ? null : closedPeriod(subscriptionId, currency, closed),
                opening == null ? null : openingPeriod(opening), pendingAddOns, activeCoupons,
                BillingTermsLookup.taxRateOf(terms), availableCredit(customerId, currency, consumed), List.of()),
                lateUsage.stream().map(LateUsageAdjustmentTable.Adjustment::fee).toList());
        Instant periodStart = closed != null ? closed.start() : opening.start();
        Instant periodEnd = closed != null ? closed.end() : opening.end();
        InvoiceUsageWindow usageWindow = closed == null || !closed.end().isAfter(usageFrom(closed)) ? null
                : new InvoiceUsageWindow(closed.planId(), usageFrom(closed), closed.end());
        if (create(invoiceId, customerId, subscriptionId, periodStart, periodEnd, computed, terms, boundary,
                usageWindow)) {
            for (PendingAddOn addOn : pendingAddOns) {
                commands.sendAndWait(new MarkAppliedAddOnInvoicedCommand(addOn.appliedAddOnId(), invoiceId));
                consumed.addOns().add(addOn.appliedAddOnId());
            }
            for (CouponConsumption used : computed.coupons()) {
                commands.sendAndWait(new RecordCouponUsageCommand(couponOfApplication.get(used.appliedCouponId()),
                        used.appliedCouponId(), invoiceId, used.discount(), used.periodsRemaining(),
                        used.fixedRemaining(), used.exhausted()));
                consumed.coupons().put(used.appliedCouponId(), used);
            }
            markBilled(lateUsage, invoiceId, consumed);
        }
    }

    /**
     * Settles a plan change or an immediate cancellation within a period (docs/billing-rules.md §12): the unused part
     * of what was billed in advance becomes an ORDER_CHANGE credit note against the period's invoice, and what is
     * owed now (the new plan's remaining part, the old plan's used part in arrears, usage so far) an invoice at the
     * change instant, which consumes the customer's credit first — the new credit note included — and bills pending
     * late-usage adjustments (§16; after a cancellation it is the subscription's last invoice).
     *
     * @param planId        the plan billed from the change on (its terms apply to the invoice at the change)
     * @param creditedPlanId the plan whose unused time is credited: the one the period's invoice billed in advance
     * @param periodStart   the start of the period the change cuts: its invoice is the one credited
     * @param description   what the credit note says (e.g. "Unused time on basic after the upgrade")
     */
    public void settle(String subscriptionId, CurrencyCode currency, String planId, String creditedPlanId,
                       Instant periodStart, Instant changedAt, PlanChangeSettlement settlement, String description) {
        String customerId = subscriptions.find(subscriptionId)
                .orElseThrow(() -> new IllegalStateException("subscription " + subscriptionId + " is not known"))
                .customerId();
        if (!settlement.orderChangeCredit().isZero()) {
            creditUnusedTime(subscriptionId, customerId, currency, creditedPlanId, periodStart, changedAt,
                    settlement.orderChangeCredit(), description);
        }
        String invoiceId = InvoiceIds.atBoundary(subscriptionId, changedAt);
        if (storedAggregates.exists(invoiceId)) {
            return; // a redelivery of the same change
        }
        // late usage of finalized periods waiting for the next invoice (§16): this one, which may be the last
        Consumed consumed = consumedInThisUnitOfWork();
        List<LateUsageAdjustmentTable.Adjustment> lateUsage = adjustments.pendingFor(subscriptionId, currency).stream()
                .filter(adjustment -> !consumed.adjustments().contains(adjustment.adjustmentId()))
                .toList();
        if (settlement.feesNow().isEmpty() && lateUsage.isEmpty()) {
            return;
        }
        List<FeeLine> fees = new ArrayList<>(settlement.feesNow());
        lateUsage.forEach(adjustment -> fees.add(adjustment.fee()));
        BillingTerms terms = billingTerms.termsFor(customerId, planId);
        ComputedInvoice computed = InvoiceCalculator.compute(new InvoiceFacts(currency, fees,
                List.of(), BillingTermsLookup.taxRateOf(terms),
                availableCredit(customerId, currency, consumed), List.of()));
        Instant end = settlement.feesNow().stream().map(fee -> fee.line().periodEnd()).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(changedAt);
        if (create(invoiceId, customerId, subscriptionId, changedAt, end.isAfter(changedAt) ? end : null, computed,
                terms, changedAt, null)) {
            markBilled(lateUsage, invoiceId, consumed);
        }
    }

    /** Records that {@code invoiceId} billed these pending late-usage adjustments, so no other invoice bills them. */
    private void markBilled(List<LateUsageAdjustmentTable.Adjustment> lateUsage, String invoiceId, Consumed consumed) {
        for (LateUsageAdjustmentTable.Adjustment adjustment : lateUsage) {
            commands.sendAndWait(new MarkLateUsageAdjustmentBilledCommand(adjustment.reRatingId(),
                    adjustment.adjustmentId(), invoiceId));
            consumed.adjustments().add(adjustment.adjustmentId());
        }
    }

    /**
     * The unused time given back on the invoice that billed the period in advance: while it is a draft (its grace
     * period) its base fee is shortened to the used part; once issued, an ORDER_CHANGE credit note against it. A note
     * issued now is remembered on the unit of work until the lookup of available credit has it.
     */
    private void creditUnusedTime(String subscriptionId, String customerId, CurrencyCode currency,
                                  String creditedPlanId, Instant periodStart, Instant changedAt, Money credit,
                                  String description) {
        String creditNoteId = CreditNoteIds.forChange(subscriptionId, changedAt);
        if (storedAggregates.exists(creditNoteId)) {
            try {
                commands.sendAndWait(new FinalizeCreditNoteCommand(creditNoteId));
            } catch (ConflictException alreadyFinalized) {
                // an earlier delivery of the same change finalized it
            }
            return;
        }
        String invoiceId = InvoiceIds.atBoundary(subscriptionId, periodStart);
        if (!storedAggregates.exists(invoiceId)) {
            log.warn("no invoice {} billed the period of {} from {}: its unused time is not credited",
                    invoiceId, subscriptionId, periodStart);
            return;
        }
        try {
            commands.sendAndWait(new ShortenDraftSubscriptionFeeCommand(invoiceId, creditedPlanId, changedAt, credit));
            return; // the draft now bills only the time used: nothing to credit
        } catch (ConflictException issued) {
            // finalized (or no such fee): the unused time becomes a credit note
        }
        try {
            commands.sendAndWait(new CreateCreditNoteCommand(creditNoteId, invoiceId, customerId, currency,
                    CreditNoteType.CREDIT, CreditNoteReason.ORDER_CHANGE, description,
                    List.of(new CreditNoteItem(description, credit))));
        } catch (ConflictException refused) {
            // e.g. more than the invoice can still be credited (a change within a short calendar-aligned first
            // period, docs/billing-rules.md §13.1 "Not yet"): logged for the tenant's billing team, never retried
            // forever — a refused credit must not stop the invoicing of every other subscription
            log.error("ORDER_CHANGE credit of {} for {} at {} refused by invoice {}: {}", credit, subscriptionId,
                    changedAt, invoiceId, refused.getMessage());
            return;
        }
        commands.sendAndWait(new FinalizeCreditNoteCommand(creditNoteId));
        consumedInThisUnitOfWork().issuedCredit().add(new IssuedCredit(customerId,
                new AvailableCredit(creditNoteId, null, changedAt, credit)));
    }

    /**
     * Creates the invoice — final at once without a grace period, in the same command — and records the credit it
     * drew; the caller records what else it consumed.
     *
     * @return whether this call created it: false when there is nothing to bill or it was created meanwhile
     */
    private boolean create(String invoiceId, String customerId, String subscriptionId, Instant periodStart,
                           Instant periodEnd, ComputedInvoice computed, BillingTerms terms, Instant at,
                           InvoiceUsageWindow usageWindow) {
        if (computed.lines().isEmpty()) {
            return false;
        }
        Instant finalizeAt = terms.invoiceGracePeriodDays() > 0
                ? at.plus(Duration.ofDays(terms.invoiceGracePeriodDays())) : null;
        try {
            commands.sendAndWait(new CreateInvoiceCommand(invoiceId, customerId, subscriptionId,
                    computed.currency(), periodStart, periodEnd, null, null, Map.of(), computed.lines(),
                    computed.totals(), finalizeAt, usageWindow, finalizeAt == null));
        } catch (ConcurrencyException createdMeanwhile) {
            if (!storedAggregates.exists(invoiceId)) {
                throw createdMeanwhile;
            }
            return false;
        }
        for (BalanceDraw draw : computed.creditNotes()) {
            if (!draw.consumed().isZero()) {
                commands.sendAndWait(new ConsumeCreditNoteCommand(draw.sourceId(), invoiceId, draw.consumed()));
                consumedInThisUnitOfWork().creditLeft().put(draw.sourceId(), draw.remaining());
            }
        }
        return true;
    }

    /** The usage lines of {@code [from, to)} under the plan's charges. */
    public List<FeeLine> usageLines(String subscriptionId, String planId, CurrencyCode currency, Instant from,
                                    Instant to) {
        if (!to.isAfter(from)) {
            return List.of();
        }
        return usage.feeLines(tenant.tenantId(), subscriptionId, planId, currency, from, to);
    }

    @Override
    public List<FeeLine> usageLines(String subscriptionId, CurrencyCode currency, InvoiceUsageWindow window) {
        return usageLines(subscriptionId, window.planId(), currency, window.from(), window.to());
    }

    public BillingInterval intervalOf(String planId) {
        return plans.billingIntervalOf(planId)
                .orElseThrow(() -> new IllegalStateException("the interval of plan " + planId + " is not known"));
    }

    /** The plan as the billing engine bills it, at a captured price. */
    public PlanTerms planTerms(String planId, Money price, BillingInterval interval) {
        PlanLookupTable.BillingTermsRow row = plans.findBillingTerms(planId)
                .orElseThrow(() -> new IllegalStateException("plan " + planId + " is not known"));
        String name = UnitOfWorkMemo.remember("plan-code:" + planId,
                () -> plans.find(planId).map(PlanLookup.PlanFacts::code).orElse(planId));
        return new PlanTerms(planId, name, price, interval, row.billingTiming());
    }

    private RecurringInvoiceFacts.ClosedPeriod closedPeriod(String subscriptionId, CurrencyCode currency,
                                                             ClosedPeriod closed) {
        BillingPeriod period = new BillingPeriod(closed.start(), closed.end());
        Instant usageFrom = usageFrom(closed);
        // a plan that began within the period (an upgrade) is billed in arrears for the part it ran
        ProrationFacts planShare = usageFrom.equals(closed.start()) ? null
                : ProrationFacts.at(period, Math.min(closed.pausedSeconds(),
                Duration.between(closed.start(), usageFrom).getSeconds()), usageFrom);
        return new RecurringInvoiceFacts.ClosedPeriod(period,
                planTerms(closed.planId(), closed.price(), closed.interval()), planShare,
                usageLines(subscriptionId, closed.planId(), currency, usageFrom, closed.end()));
    }

    /** The closed period's usage is its plan's: from the plan's start within the period (an upgrade), else the start. */
    private static Instant usageFrom(ClosedPeriod closed) {
        return closed.planEffectiveFrom() != null && closed.planEffectiveFrom().isAfter(closed.start())
                ? closed.planEffectiveFrom() : closed.start();
    }

    private RecurringInvoiceFacts.OpeningPeriod openingPeriod(OpeningPeriod opening) {
        return new RecurringInvoiceFacts.OpeningPeriod(new BillingPeriod(opening.start(), opening.end()),
                planTerms(opening.planId(), opening.price(), opening.interval()), opening.share());
    }

    /**
     * What the invoices issued earlier in this unit of work consumed, and the credit notes it issued: the processor
     * handles a batch of events in one unit of work, and the lookups see its commands' events only when it commits,
     * so a second boundary of the same customer in the batch must not bill an add-on or a late-usage adjustment
     * again, count a coupon's period twice or draw on credit already drawn.
     */
    private record Consumed(Set<String> addOns, Map<String, CouponConsumption> coupons,
                            Map<String, Money> creditLeft, List<IssuedCredit> issuedCredit, Set<String> adjustments) {
        Consumed() {
            this(new HashSet<>(), new HashMap<>(), new HashMap<>(), new ArrayList<>(), new HashSet<>());
        }
    }

    /** A credit note issued in this unit of work, not yet in the lookup of available credit. */
    private record IssuedCredit(String customerId, AvailableCredit credit) {
    }

    /**
     * The customer's credit in the currency, oldest first, as this unit of work left it: the lookup's, less what
     * invoices issued earlier in the unit of work drew, plus the credit notes it issued.
     */
    private List<AvailableCredit> availableCredit(String customerId, CurrencyCode currency, Consumed consumed) {
        List<AvailableCredit> available = new ArrayList<>(credits.availableCredit(customerId, currency));
        consumed.issuedCredit().stream()
                .filter(issued -> issued.customerId().equals(customerId)
                        && issued.credit().remaining().currency() == currency)
                .map(IssuedCredit::credit)
                .filter(issued -> available.stream().noneMatch(a -> a.creditNoteId().equals(issued.creditNoteId())))
                .forEach(available::add);
        return available.stream()
                .map(credit -> {
                    Money left = consumed.creditLeft().get(credit.creditNoteId());
                    return left == null ? credit
                            : new AvailableCredit(credit.creditNoteId(), credit.number(), credit.issuedAt(), left);
                })
                .filter(credit -> !credit.remaining().isZero())
                .toList();
    }

    private static Consumed consumedInThisUnitOfWork() {
        return UnitOfWorkMemo.remember("recurring-invoices-consumed", Consumed::new);
    }
}
