package com.novabilling.command.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.charge.CreateChargeCommand;
import com.novabilling.api.charge.DeleteChargeCommand;
import com.novabilling.api.charge.UpdateChargeCommand;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.metric.BillableMetricLookup;
import com.novabilling.command.plan.PlanLookup;
import com.novabilling.rating.ChargeDefinitions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A plan's price for the usage of one billable metric, in one of the plan's currencies. */
@Aggregate
public class Charge {

    static final String METRIC = "Billable metric";

    @AggregateIdentifier
    private String chargeId;
    private String planId;
    private String billableMetricId;
    private CurrencyCode currency;
    private BillingTiming billingTiming;
    /** Normalised: ranges in the inclusive form, only the model's own pricing field set. */
    private ChargePricing pricing;

    protected Charge() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Charge(CreateChargeCommand command, PlanLookup plans, BillableMetricLookup metrics, ChargeLookup charges) {
        PlanLookup.PlanFacts plan = plans.find(command.planId())
                .orElseThrow(() -> new NotFoundException("Plan", command.planId()));
        BillableMetricDefinition metric = metrics.find(command.billableMetricId())
                .orElseThrow(() -> new NotFoundException(METRIC, command.billableMetricId()));
        CurrencyCode chargeCurrency = currencyOf(plan, command.currency());
        BillingTiming timing = command.billingTiming() != null ? command.billingTiming() : BillingTiming.IN_ARREARS;
        requireValid(ChargeDefinitions.validate(metric, timing, chargeCurrency, command.pricing()));
        charges.chargeOf(plan.planId(), command.billableMetricId(), chargeCurrency).ifPresent(existing -> {
            throw ChargeConflicts.duplicate(plan.planId(), command.billableMetricId(), chargeCurrency);
        });
        ChargePricing normalised = ChargeDefinitions.normalise(command.pricing());
        apply(new ChargeCreatedEvent(command.chargeId(), plan.planId(), command.billableMetricId(), chargeCurrency,
                timing, normalised.chargeModel(), normalised.properties(), normalised.graduatedRanges(),
                normalised.volumeRanges(), normalised.filters()));
    }

    @CommandHandler
    public void handle(UpdateChargeCommand command, BillableMetricLookup metrics) {
        requireUnchanged("planId", command.planId(), planId);
        requireUnchanged("billableMetricId", command.billableMetricId(), billableMetricId);
        requireUnchanged("currency", command.currency(), currency);
        BillingTiming timing = command.billingTiming() != null ? command.billingTiming() : billingTiming;
        ChargePricing changed = merge(command.pricing());
        BillableMetricDefinition metric = metrics.find(billableMetricId)
                .orElseThrow(() -> new NotFoundException(METRIC, billableMetricId));
        requireValid(ChargeDefinitions.validate(metric, timing, currency, changed));
        ChargePricing normalised = ChargeDefinitions.normalise(changed);
        if (timing == billingTiming && normalised.equals(pricing)) {
            return;
        }
        apply(new ChargeUpdatedEvent(chargeId, planId, billableMetricId, currency, timing, normalised.chargeModel(),
                normalised.properties(), normalised.graduatedRanges(), normalised.volumeRanges(),
                normalised.filters()));
    }

    @CommandHandler
    public void handle(DeleteChargeCommand command) {
        apply(new ChargeDeletedEvent(chargeId, planId, billableMetricId, currency));
    }

    @EventSourcingHandler
    void on(ChargeCreatedEvent event) {
        chargeId = event.chargeId();
        planId = event.planId();
        billableMetricId = event.billableMetricId();
        currency = event.currency();
        billingTiming = event.billingTiming();
        pricing = event.toPricing();
    }

    @EventSourcingHandler
    void on(ChargeUpdatedEvent event) {
        billingTiming = event.billingTiming();
        pricing = event.toPricing();
    }

    @EventSourcingHandler
    void on(ChargeDeletedEvent event) {
        markDeleted();
    }

    /**
     * The pricing after a partial update: a present field replaces the current one; when the model changes, the
     * old model's pricing fields are dropped (the filters too, unless given, are then validated against the new model).
     */
    private ChargePricing merge(ChargePricing update) {
        if (update == null) {
            return pricing;
        }
        boolean modelChanged = update.chargeModel() != null && update.chargeModel() != pricing.chargeModel();
        return new ChargePricing(
                modelChanged ? update.chargeModel() : pricing.chargeModel(),
                update.properties() != null || modelChanged ? update.properties() : pricing.properties(),
                update.graduatedRanges() != null || modelChanged ? update.graduatedRanges() : pricing.graduatedRanges(),
                update.volumeRanges() != null || modelChanged ? update.volumeRanges() : pricing.volumeRanges(),
                update.filters() != null ? update.filters() : pricing.filters());
    }

    /** The requested currency, which the plan must sell in; without one, the plan's first price currency. */
    private static CurrencyCode currencyOf(PlanLookup.PlanFacts plan, CurrencyCode requested) {
        if (requested == null) {
            if (plan.currencies().isEmpty()) {
                throw new ValidationException("currency", "is required: plan " + plan.planId()
                        + " has no prices to take the currency from");
            }
            return plan.currencies().get(0);
        }
        if (!plan.sellsIn(requested)) {
            throw new ValidationException("currency", "must be one of the currencies plan " + plan.planId()
                    + " has prices in: " + (plan.currencies().isEmpty() ? "none" : plan.currencies()));
        }
        return requested;
    }

    private static void requireUnchanged(String field, Object requested, Object current) {
        if (requested != null && !Objects.equals(requested, current)) {
            throw new ValidationException(field, "cannot change (it is " + current + "); create another charge instead");
        }
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
