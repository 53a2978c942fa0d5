package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AppliedAddOnStatus;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.query.readmodel.AppliedRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "applied_addons")
public class AppliedAddOnEntity extends AppliedRow {

    @Column(name = "addon_id")
    private String addOnId;
    @Column(name = "addon_code")
    private String addOnCode;
    private String name;
    private String invoiceDisplayName;
    private String subscriptionId;
    private int quantity;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    private long unitAmountMinor;
    private long amountMinor;
    @Enumerated(EnumType.STRING)
    private AppliedAddOnStatus status;
    private String invoiceId;
    private Instant invoicedAt;

    protected AppliedAddOnEntity() {
        // for JPA
    }

    public AppliedAddOnEntity(AddOnAppliedEvent event, Instant appliedAt) {
        super(event.appliedAddOnId(), event.customerId(), appliedAt);
        this.addOnId = event.addOnId();
        this.addOnCode = event.addOnCode();
        this.name = event.name();
        this.invoiceDisplayName = event.invoiceDisplayName();
        this.subscriptionId = event.subscriptionId();
        this.quantity = event.quantity();
        this.currency = event.unitAmount().currency();
        this.unitAmountMinor = event.unitAmount().minor();
        this.amountMinor = event.amount().minor();
        this.status = AppliedAddOnStatus.PENDING;
    }

    @Override
    protected void setRemovedStatus() {
        status = AppliedAddOnStatus.REMOVED;
    }

    /** Billed by {@code invoiceId} at {@code at}. Idempotent. */
    void markInvoiced(String invoiceId, Instant at) {
        this.invoiceId = invoiceId;
        this.invoicedAt = at;
        this.status = AppliedAddOnStatus.INVOICED;
    }

    public AppliedAddOnView toView() {
        return new AppliedAddOnView(id, addOnId, addOnCode, name, invoiceDisplayName, customerId, subscriptionId,
                quantity, currency, Money.ofMinor(unitAmountMinor, currency).toMajor(),
                Money.ofMinor(amountMinor, currency).toMajor(), status, appliedAt, removedAt, invoiceId,
                invoicedAt);
    }
}
