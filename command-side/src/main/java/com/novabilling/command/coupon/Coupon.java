package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.ApplyCouponCommand;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CreateCouponCommand;
import com.novabilling.api.coupon.DeleteCouponCommand;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.RecordCouponUsageCommand;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    @AggregateIdentifier
    private String couponId;
    private String name;
    private String code;
    private String description;
    private DiscountTerms terms;
    private Integer maxRedemptions;
    private Instant expiresAt;
    private List<String> planIds;
    private boolean active;
    private Map<String, Object> metadata;
    private int timesRedeemed;
    /** appliedCouponId → application, in the order applied. */
    private final Map<String, Application> applications = new LinkedHashMap<>();

    protected Coupon() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Coupon(CreateCouponCommand command, ResourceCodes codes, PlanLookup plans, Clock clock) {
        DiscountTerms newTerms = DiscountTerms.validated(command.discountType(), command.discountValue(),
                command.currency(), command.duration(), command.durationInPeriods());
        requireValidMaxRedemptions(command.maxRedemptions());
        requireFuture(command.expiresAt(), clock);
        List<String> scope = existingPlans(command.planIds(), plans);
        codes.requireAvailable(CodeKind.COUPON, command.code(), null);
        apply(new CouponCreatedEvent(command.couponId(), command.name(), command.code(), command.description(),
                newTerms.discount(), newTerms.duration(), newTerms.durationInPeriods(), command.maxRedemptions(),
                command.expiresAt(), scope, command.active() == null || command.active(),
                Metadata.copyOf(command.metadata())));
    }

    @CommandHandler
    public void handle(UpdateCouponCommand command, ResourceCodes codes, PlanLookup plans, Clock clock) {
        DiscountTerms newTerms = updatedTerms(command);
        if (command.maxRedemptions() != null) {
            requireValidMaxRedemptions(command.maxRedemptions());
            if (command.maxRedemptions() < timesRedeemed) {
                throw new ConflictException("maxRedemptions", "maxRedemptions cannot be lower than the "
                        + timesRedeemed + " redemptions coupon '" + code + "' already has");
            }
        }
        if (command.expiresAt() != null && !command.expiresAt().equals(expiresAt)) {
            requireFuture(command.expiresAt(), clock);
        }
        CouponUpdatedEvent updated = new CouponUpdatedEvent(
                couponId,
                command.name() != null ? command.name() : name,
                command.code() != null ? command.code() : code,
                command.description() != null ? command.description() : description,
                newTerms.discount(),
                newTerms.duration(),
                newTerms.durationInPeriods(),
                command.maxRedemptions() != null ? command.maxRedemptions() : maxRedemptions,
                command.expiresAt() != null ? command.expiresAt() : expiresAt,
                command.planIds() != null ? existingPlans(command.planIds(), plans) : planIds,
                command.active() != null ? command.active() : active,
                command.metadata() != null ? Metadata.copyOf(command.metadata()) : metadata);
        if (updated.equals(currentState())) {
            return;
        }
        if (!updated.code().equals(code)) {
            codes.requireAvailable(CodeKind.COUPON, updated.code(), couponId);
        }
        apply(updated);
    }

    @CommandHandler
    public void handle(DeleteCouponCommand command, DeletionPolicy deletionPolicy) {
        long activeApplications = applications.values().stream().filter(Application::active).count();
        if (activeApplications > 0) {
            throw new ConflictException("Coupon '" + code + "' is applied to " + activeApplications
                    + (activeApplications == 1 ? " customer" : " customers")
                    + "; remove the applied coupons before deleting it");
        }
        deletionPolicy.requireDeletable(GuardedResource.COUPON, couponId);
        apply(new CouponDeletedEvent(couponId, code));
    }

    @CommandHandler
    public void handle(ApplyCouponCommand command, CustomerLookup customers, Clock clock) {
        CustomerFacts customer = customers.find(command.customerId())
                .orElseThrow(() -> new NotFoundException("Customer", command.customerId()));
        if (!active) {
            throw new ConflictException("Coupon '" + code + "' is inactive");
        }
        Instant now = clock.instant();
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            throw new ConflictException("Coupon '" + code + "' expired at " + expiresAt);
        }
        if (maxRedemptions != null && timesRedeemed >= maxRedemptions) {
            throw new ConflictException("Coupon '" + code + "' has reached its maximum of " + maxRedemptions
                    + (maxRedemptions == 1 ? " redemption" : " redemptions"));
        }
        if (isActiveOn(command.customerId())) {
            throw new ConflictException("Coupon '" + code + "' is already applied to customer '"
                    + command.customerId() + "'");
        }
        CurrencyCode couponCurrency = terms.discount().currency();
        if (couponCurrency != null && customer.currency() != null && customer.currency() != couponCurrency) {
            throw new ConflictException("Coupon '" + code + "' discounts " + couponCurrency + " but customer '"
                    + command.customerId() + "' is billed in " + customer.currency());
        }
        apply(new CouponAppliedEvent(couponId, command.appliedCouponId(), code, command.customerId(),
                terms.discount(), terms.duration(), terms.durationInPeriods(), timesRedeemed + 1));
    }

    @CommandHandler
    public void handle(RemoveAppliedCouponCommand command) {
        Application application = applications.get(command.appliedCouponId());
        if (application == null) {
            throw new NotFoundException("Applied coupon", command.appliedCouponId());
        }
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
        Application application = applications.get(command.appliedCouponId());
        if (application == null) {
            throw new NotFoundException("Applied coupon", command.appliedCouponId());
        }
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
        name = event.name();
        code = event.code();
        description = event.description();
        terms = new DiscountTerms(event.discount(), event.duration(), event.durationInPeriods());
        maxRedemptions = event.maxRedemptions();
        expiresAt = event.expiresAt();
        planIds = event.planIds();
        active = event.active();
        metadata = event.metadata();
    }

    @EventSourcingHandler
    void on(CouponUpdatedEvent event) {
        name = event.name();
        code = event.code();
        description = event.description();
        terms = new DiscountTerms(event.discount(), event.duration(), event.durationInPeriods());
        maxRedemptions = event.maxRedemptions();
        expiresAt = event.expiresAt();
        planIds = event.planIds();
        active = event.active();
        metadata = event.metadata();
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

    private CouponUpdatedEvent currentState() {
        return new CouponUpdatedEvent(couponId, name, code, description, terms.discount(), terms.duration(),
                terms.durationInPeriods(), maxRedemptions, expiresAt, planIds, active, metadata);
    }

    private boolean isActiveOn(String customerId) {
        return applications.values().stream()
                .anyMatch(application -> application.active() && application.customerId().equals(customerId));
    }

    /**
     * The discount terms after a partial update. Absent fields keep their value, except that a currency is dropped
     * when the type becomes PERCENTAGE and the periods when the duration stops being REPEATING. Once the coupon has
     * been applied its terms are frozen: customers hold it on those terms.
     */
    private DiscountTerms updatedTerms(UpdateCouponCommand command) {
        if (timesRedeemed > 0) {
            String changed = firstChangedTerm(command);
            if (changed != null) {
                throw new ConflictException(changed, "Coupon '" + code + "' has been applied " + timesRedeemed
                        + (timesRedeemed == 1 ? " time" : " times") + ", so its " + changed
                        + " can no longer change; create a new coupon instead");
            }
            return terms;
        }
        if (command.discountType() == null && command.discountValue() == null && command.currency() == null
                && command.duration() == null && command.durationInPeriods() == null) {
            return terms;
        }
        DiscountType type = command.discountType() != null ? command.discountType() : terms.discount().type();
        if (type != terms.discount().type() && command.discountValue() == null) {
            throw new ValidationException("discountValue", "is required when discountType changes");
        }
        BigDecimal value = command.discountValue() != null ? command.discountValue() : terms.discount().value();
        CurrencyCode currency = command.currency() != null ? command.currency()
                : type == DiscountType.FIXED_AMOUNT ? terms.discount().currency() : null;
        CouponDuration duration = command.duration() != null ? command.duration() : terms.duration();
        Integer periods = command.durationInPeriods() != null ? command.durationInPeriods()
                : duration == CouponDuration.REPEATING ? terms.durationInPeriods() : null;
        return DiscountTerms.validated(type, value, currency, duration, periods);
    }

    /** The first discount-term field the update would change, or null; resending a current value is no change. */
    private String firstChangedTerm(UpdateCouponCommand command) {
        if (command.discountType() != null && command.discountType() != terms.discount().type()) {
            return "discountType";
        }
        if (command.discountValue() != null && command.discountValue().compareTo(terms.discount().value()) != 0) {
            return "discountValue";
        }
        if (command.currency() != null && command.currency() != terms.discount().currency()) {
            return "currency";
        }
        if (command.duration() != null && command.duration() != terms.duration()) {
            return "duration";
        }
        if (command.durationInPeriods() != null && !command.durationInPeriods().equals(terms.durationInPeriods())) {
            return "durationInPeriods";
        }
        return null;
    }

    private static void requireValidMaxRedemptions(Integer maxRedemptions) {
        if (maxRedemptions != null && maxRedemptions < 1) {
            throw new ValidationException("maxRedemptions", "must be at least 1");
        }
    }

    private static void requireFuture(Instant expiresAt, Clock clock) {
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new ValidationException("expiresAt", "must be in the future");
        }
    }

    /** The plan ids without duplicates, in the order given; every one must be a plan of the tenant. */
    private static List<String> existingPlans(List<String> planIds, PlanLookup plans) {
        if (planIds == null) {
            return List.of();
        }
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
