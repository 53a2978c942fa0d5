package com.novabilling.query.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.PendingPlanChangeView;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.SubscriptionCustomerSummary;
import com.novabilling.api.subscription.SubscriptionPlanSummary;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.descriptor.java.Immutability;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;

/** One subscription as the API shows it; the projection sets its fields from the events, never computes periods. */
@Entity
@Table(name = "subscriptions")
public class SubscriptionEntity {

    @Id
    private String id;
    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;
    private String customerId;
    private String planId;
    @Enumerated(EnumType.STRING)
    private BillingInterval billingInterval;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    private long priceMinor;
    @Enumerated(EnumType.STRING)
    private BillingAnchor billingAnchor;
    private String timeZone;
    private Instant currentPeriodStart;
    private Instant currentPeriodEnd;
    private Instant trialStart;
    private Instant trialEnd;
    private Instant cancelAt;
    private boolean cancelAtPeriodEnd;
    private Instant canceledAt;
    private Instant pausedAt;
    private String pendingPlanId;
    @Enumerated(EnumType.STRING)
    private PlanChangeKind pendingKind;
    private Instant pendingEffectiveAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    @Mutability(Immutability.class) // replaced, never changed in place
    private Map<String, Object> metadata;
    private Instant createdAt;
    private Instant updatedAt;

    protected SubscriptionEntity() {
        // for JPA
    }

    public SubscriptionEntity(String id, Instant createdAt) {
        this.id = id;
        this.createdAt = createdAt;
    }

    void created(SubscriptionStatus status, String customerId, String planId, BillingInterval billingInterval,
                 Money price, BillingAnchor billingAnchor, String timeZone, Instant trialStart, Instant trialEnd,
                 Instant currentPeriodStart, Instant currentPeriodEnd, Map<String, Object> metadata, Instant at) {
        this.status = status;
        this.customerId = customerId;
        this.planId = planId;
        this.billingInterval = billingInterval;
        this.currency = price.currency();
        this.priceMinor = price.minor();
        this.billingAnchor = billingAnchor;
        this.timeZone = timeZone;
        this.trialStart = trialStart;
        this.trialEnd = trialEnd;
        this.currentPeriodStart = currentPeriodStart;
        this.currentPeriodEnd = currentPeriodEnd;
        this.cancelAt = null;
        this.cancelAtPeriodEnd = false;
        this.canceledAt = null;
        this.pausedAt = null;
        clearPending();
        this.metadata = metadata == null ? Map.of() : metadata;
        this.updatedAt = at;
    }

    void status(SubscriptionStatus status, Instant at) {
        this.status = status;
        this.updatedAt = at;
    }

    void period(Instant start, Instant end, Instant at) {
        this.currentPeriodStart = start;
        this.currentPeriodEnd = end;
        if (cancelAtPeriodEnd) {
            this.cancelAt = end;
        }
        this.updatedAt = at;
    }

    void plan(String planId, BillingInterval billingInterval, Money price, Instant at) {
        this.planId = planId;
        this.billingInterval = billingInterval;
        this.currency = price.currency();
        this.priceMinor = price.minor();
        this.updatedAt = at;
    }

    void paused(Instant pausedAt, Instant at) {
        this.pausedAt = pausedAt;
        this.updatedAt = at;
    }

    void pending(String planId, PlanChangeKind kind, Instant effectiveAt, Instant at) {
        this.pendingPlanId = planId;
        this.pendingKind = kind;
        this.pendingEffectiveAt = effectiveAt;
        this.updatedAt = at;
    }

    void clearPending() {
        this.pendingPlanId = null;
        this.pendingKind = null;
        this.pendingEffectiveAt = null;
    }

    void cancellationScheduled(Instant cancelAt, Instant at) {
        this.cancelAtPeriodEnd = true;
        this.cancelAt = cancelAt;
        clearPending();
        this.updatedAt = at;
    }

    void canceled(Instant canceledAt, Instant at) {
        this.status = SubscriptionStatus.CANCELED;
        this.canceledAt = canceledAt;
        this.pausedAt = null;
        clearPending();
        this.updatedAt = at;
    }

    void metadata(Map<String, Object> metadata, Instant at) {
        this.metadata = metadata == null ? Map.of() : metadata;
        this.updatedAt = at;
    }

    public String id() {
        return id;
    }

    public String customerId() {
        return customerId;
    }

    public String planId() {
        return planId;
    }

    public SubscriptionView toView() {
        return toView(null, null);
    }

    public SubscriptionView toView(SubscriptionPlanSummary plan, SubscriptionCustomerSummary customer) {
        PendingPlanChangeView pending = pendingPlanId == null ? null
                : new PendingPlanChangeView(pendingPlanId, pendingKind, pendingEffectiveAt);
        return new SubscriptionView(id, status, customerId, planId, currency, currentPeriodStart, currentPeriodEnd,
                trialStart, trialEnd, cancelAt, cancelAtPeriodEnd, canceledAt, pausedAt, pending, metadata,
                createdAt, updatedAt, plan, customer);
    }

    /** The plan summary's own fields: the subscription's interval and price in major units. */
    SubscriptionPlanSummary planSummary(String code, String name) {
        return new SubscriptionPlanSummary(planId, code, name, billingInterval,
                Money.ofMinor(priceMinor, currency).toMajor());
    }
}
