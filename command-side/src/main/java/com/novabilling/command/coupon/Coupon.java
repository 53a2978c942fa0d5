package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.ApplyCouponCommand;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CreateCouponCommand;
import com.novabilling.api.coupon.DeleteCouponCommand;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.RecordCouponUsageCommand;
import com.novabilling.api.coupon.RequestedCoupon;
import com.novabilling.api.coupon.RemoveAppliedCouponCommand;
import com.novabilling.api.coupon.UpdateCouponCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metadata.Metadata;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.customer.CustomerLookup.CustomerFacts;
import com.novabilling.command.plan.PlanLookup;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.ResourceCodes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.novabilling.api.patch.Patch.or;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/**
 * A discount coupon and its applications to customers. The coupon owns its applications so that it alone decides
 * whether it can still be redeemed: commands on one aggregate are handled one at a time against its latest events,
 * so concurrent applies can never exceed {@code maxRedemptions}.
 *
 * <p>"Now" is the application's {@link Clock}, a handler parameter like the lookups (test fixtures register one).
 */
@Aggregate
public class Coupon {

    /** @param lastInvoiceId the last invoice whose usage was recorded, for idempotent redelivery */
    private record Application(String customerId, AppliedCouponStatus status, String lastInvoiceId) {
        boolean active() {
            return status == AppliedCouponStatus.ACTIVE;
        }
    }

    /** A new coupon's defaults for what its create command leaves out: every plan, active, no metadata. */
    private static final CouponDetails NEW = new CouponDetails(null, null, null, null, null, null, null, null,
            List.of(), true, Map.of());

    @AggregateIdentifier
    private String couponId;
    private CouponDetails details;
    private int timesRedeemed;
    /** appliedCouponId → application, in the order applied. */
    private final Map<String, Application> applications = new LinkedHashMap<>();

    protected Coupon() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Coupon(CreateCouponCommand command, ResourceCodes codes, PlanLookup plans, Clock clock) {
        apply(new CouponCreatedEvent(command.couponId(), changed(command.coupon(), codes, plans, clock)));
    }

    @CommandHandler
    public void handle(UpdateCouponCommand command, ResourceCodes codes, PlanLookup plans, Clock clock) {
        CouponDetails updated = changed(command.changes(), codes, plans, clock);
        if (!updated.equals(details)) {
            apply(new CouponUpdatedEvent(couponId, updated));
        }
    }

    @CommandHandler
    public void handle(DeleteCouponCommand command, DeletionPolicy deletionPolicy) {
        long activeApplications = applications.values().stream().filter(Application::active).count();
        if (activeApplications > 0) {
            throw new ConflictException("Coupon '" + details.code() + "' is applied to " + activeApplications
                    + (activeApplications == 1 ? " customer" : " customers")
                    + "; remove the applied coupons before deleting it");
        }
        deletionPolicy.requireDeletable(GuardedResource.COUPON, couponId);
        apply(new CouponDeletedEvent(couponId, details.code()));
    }

    @CommandHandler
    public void handle(ApplyCouponCommand command, CustomerLookup customers, Clock clock) {
        CustomerFacts customer = customers.find(command.customerId())
                .orElseThrow(() -> new NotFoundException("Customer", command.customerId()));
        String coupon = "Coupon '" + details.code() + "'";
        if (!details.active()) {
            throw new ConflictException(coupon + " is inactive");
        }
        if (details.expiresAt() != null && !details.expiresAt().isAfter(clock.instant())) {
            throw new ConflictException(coupon + " expired at " + details.expiresAt());
        }
        Integer maxRedemptions = details.maxRedemptions();
        if (maxRedemptions != null && timesRedeemed >= maxRedemptions) {
            throw new ConflictException(coupon + " has reached its maximum of " + maxRedemptions
                    + (maxRedemptions == 1 ? " redemption" : " redemptions"));
        }
        if (applications.values().stream().anyMatch(application -> application.active()
                && application.customerId().equals(command.customerId()))) {
            throw new ConflictException(coupon + " is already applied to customer '" + command.customerId() + "'");
        }
        CurrencyCode couponCurrency = details.discount().currency();
        if (couponCurrency != null && customer.currency() != null && customer.currency() != couponCurrency) {
            throw new ConflictException(coupon + " discounts " + couponCurrency + " but customer '"
                    + command.customerId() + "' is billed in " + customer.currency());
        }
        apply(new CouponAppliedEvent(couponId, command.appliedCouponId(), details.code(), command.customerId(),
                details.discount(), details.duration(), details.durationInPeriods(), timesRedeemed + 1));
    }

    @CommandHandler
    public void handle(RemoveAppliedCouponCommand command) {
        Application application = application(command.appliedCouponId());
        if (application.status() == AppliedCouponStatus.REMOVED) {
            throw new ConflictException("Applied coupon '" + command.appliedCouponId() + "' is already removed");
        }
        if (application.status() == AppliedCouponStatus.EXHAUSTED) {
            throw new ConflictException("Applied coupon '" + command.appliedCouponId() + "' is EXHAUSTED");
        }
        apply(new AppliedCouponRemovedEvent(couponId, command.appliedCouponId(), application.customerId()));
    }

    /**
     * Records what an invoice took from an ACTIVE application (docs/billing-rules.md §8.4, §13.1). The same invoice
     * again changes nothing (a redelivered trigger); a removed or exhausted application is a conflict.
     */
    @CommandHandler
    public void handle(RecordCouponUsageCommand command) {
        Application application = application(command.appliedCouponId());
        if (command.invoiceId() == null || command.invoiceId().isBlank()) {
            throw new ValidationException("invoiceId", "is required");
        }
        if (command.discount() == null || command.discount().isNegative()) {
            throw new ValidationException("discount", "must be 0 or more");
        }
        if (command.invoiceId().equals(application.lastInvoiceId())) {
            return;
        }
        if (!application.active()) {
            throw new ConflictException("Applied coupon '" + command.appliedCouponId() + "' is "
                    + application.status() + " and discounts no invoice");
        }
        apply(new CouponUsageRecordedEvent(couponId, command.appliedCouponId(), application.customerId(),
                command.invoiceId(), command.discount(), command.periodsRemaining(), command.fixedRemaining(),
                command.exhausted()));
    }

    @EventSourcingHandler
    void on(CouponCreatedEvent event) {
        couponId = event.couponId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(CouponUpdatedEvent event) {
        details = event.details();
    }

    @EventSourcingHandler
    void on(CouponAppliedEvent event) {
        applications.put(event.appliedCouponId(),
                new Application(event.customerId(), AppliedCouponStatus.ACTIVE, null));
        timesRedeemed = event.timesRedeemed();
    }

    @EventSourcingHandler
    void on(AppliedCouponRemovedEvent event) {
        applications.computeIfPresent(event.appliedCouponId(),
                (id, application) -> new Application(application.customerId(), AppliedCouponStatus.REMOVED,
                        application.lastInvoiceId()));
    }

    @EventSourcingHandler
    void on(CouponUsageRecordedEvent event) {
        applications.computeIfPresent(event.appliedCouponId(), (id, application) -> new Application(
                application.customerId(),
                event.exhausted() ? AppliedCouponStatus.EXHAUSTED : application.status(), event.invoiceId()));
    }

    @EventSourcingHandler
    void on(CouponDeletedEvent event) {
        markDeleted();
    }

    private Application application(String appliedCouponId) {
        Application application = applications.get(appliedCouponId);
        if (application == null) {
            throw new NotFoundException("Applied coupon", appliedCouponId);
        }
        return application;
    }

    /**
     * The details with {@code changes} over the current ones (a new coupon's, {@link #NEW}, on create): a null field
     * keeps its value, a present planIds or metadata replaces it whole; checked in the order the fields come.
     */
    private CouponDetails changed(RequestedCoupon changes, ResourceCodes codes, PlanLookup plans, Clock clock) {
        CouponDetails current = details != null ? details : NEW;
        DiscountTerms terms = changedTerms(changes);
        if (changes.maxRedemptions() != null && changes.maxRedemptions() < 1) {
            throw new ValidationException("maxRedemptions", "must be at least 1");
        }
        if (changes.maxRedemptions() != null && changes.maxRedemptions() < timesRedeemed) {
            throw new ConflictException("maxRedemptions", "maxRedemptions cannot be lower than the "
                    + timesRedeemed + " redemptions coupon '" + current.code() + "' already has");
        }
        if (changes.expiresAt() != null && !changes.expiresAt().equals(current.expiresAt())
                && !changes.expiresAt().isAfter(clock.instant())) {
            throw new ValidationException("expiresAt", "must be in the future");
        }
        CouponDetails changed = new CouponDetails(or(changes.name(), current.name()),
                or(changes.code(), current.code()), or(changes.description(), current.description()),
                terms.discount(), terms.duration(), terms.durationInPeriods(),
                or(changes.maxRedemptions(), current.maxRedemptions()), or(changes.expiresAt(), current.expiresAt()),
                changes.planIds() != null ? existingPlans(changes.planIds(), plans) : current.planIds(),
                or(changes.active(), current.active()),
                changes.metadata() != null ? Metadata.copyOf(changes.metadata()) : current.metadata());
        if (!Objects.equals(changed.code(), current.code())) {
            codes.requireAvailable(CodeKind.COUPON, changed.code(), couponId);
        }
        return changed;
    }

    /**
     * The discount terms after {@code changes}. Absent fields keep their value, except that a currency is dropped
     * when the type becomes PERCENTAGE and the periods when the duration stops being REPEATING. Once the coupon has
     * been applied its terms are frozen: customers hold it on those terms.
     */
    private DiscountTerms changedTerms(RequestedCoupon changes) {
        if (details == null) {
            return DiscountTerms.validated(changes.discountType(), changes.discountValue(), changes.currency(),
                    changes.duration(), changes.durationInPeriods());
        }
        CouponDiscount discount = details.discount();
        DiscountTerms current = new DiscountTerms(discount, details.duration(), details.durationInPeriods());
        if (timesRedeemed > 0) {
            String changed = firstChangedTerm(changes);
            if (changed != null) {
                throw new ConflictException(changed, "Coupon '" + details.code() + "' has been applied "
                        + timesRedeemed + (timesRedeemed == 1 ? " time" : " times") + ", so its " + changed
                        + " can no longer change; create a new coupon instead");
            }
            return current;
        }
        if (changes.discountType() == null && changes.discountValue() == null && changes.currency() == null
                && changes.duration() == null && changes.durationInPeriods() == null) {
            return current;
        }
        DiscountType type = or(changes.discountType(), discount.type());
        if (type != discount.type() && changes.discountValue() == null) {
            throw new ValidationException("discountValue", "is required when discountType changes");
        }
        CurrencyCode currency = changes.currency() != null ? changes.currency()
                : type == DiscountType.FIXED_AMOUNT ? discount.currency() : null;
        CouponDuration duration = or(changes.duration(), details.duration());
        Integer periods = changes.durationInPeriods() != null ? changes.durationInPeriods()
                : duration == CouponDuration.REPEATING ? details.durationInPeriods() : null;
        return DiscountTerms.validated(type, or(changes.discountValue(), discount.value()), currency, duration,
                periods);
    }

    /** The first discount-term field the update would change, or null; resending a current value is no change. */
    private String firstChangedTerm(RequestedCoupon changes) {
        CouponDiscount discount = details.discount();
        if (changes.discountType() != null && changes.discountType() != discount.type()) {
            return "discountType";
        }
        if (changes.discountValue() != null && changes.discountValue().compareTo(discount.value()) != 0) {
            return "discountValue";
        }
        if (changes.currency() != null && changes.currency() != discount.currency()) {
            return "currency";
        }
        if (changes.duration() != null && changes.duration() != details.duration()) {
            return "duration";
        }
        if (changes.durationInPeriods() != null && !changes.durationInPeriods().equals(details.durationInPeriods())) {
            return "durationInPeriods";
        }
        return null;
    }

    /** The plan ids without duplicates, in the order given; every one must be a plan of the tenant. */
    private static List<String> existingPlans(List<String> planIds, PlanLookup plans) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String planId : planIds) {
            if (planId == null || plans.find(planId).isEmpty()) {
                throw new NotFoundException("Plan", Objects.toString(planId));
            }
            distinct.add(planId);
        }
        return List.copyOf(distinct);
    }
}
