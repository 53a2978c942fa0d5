package com.novabilling.command.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
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

    @AggregateIdentifier
    private String chargeId;
    /** Normalised: ranges in the inclusive form, only the model's own pricing field set. */
    private ChargeDetails details;

    protected Charge() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Charge(CreateChargeCommand command, PlanLookup plans, BillableMetricLookup metrics, ChargeLookup charges) {
        ChargeDetails requested = command.details();
        PlanLookup.PlanFacts plan = plans.find(requested.planId())
                .orElseThrow(() -> new NotFoundException("Plan", requested.planId()));
        BillableMetricDefinition metric = metric(metrics, requested.billableMetricId());
        ChargeDetails created = valid(metric, new ChargeDetails(plan.planId(), requested.billableMetricId(),
                currencyOf(plan, requested.currency()),
                requested.billingTiming() != null ? requested.billingTiming() : BillingTiming.IN_ARREARS,
                requested.pricing()));
        charges.chargeOf(created.planId(), created.billableMetricId(), created.currency()).ifPresent(existing -> {
            throw ChargeLookup.duplicate(created);
        });
        apply(new ChargeCreatedEvent(command.chargeId(), created));
    }

    @CommandHandler
    public void handle(UpdateChargeCommand command, BillableMetricLookup metrics) {
        ChargeDetails changes = command.changes();
        requireUnchanged("planId", changes.planId(), details.planId());
        requireUnchanged("billableMetricId", changes.billableMetricId(), details.billableMetricId());
        requireUnchanged("currency", changes.currency(), details.currency());
        BillingTiming timing = changes.billingTiming() != null ? changes.billingTiming() : details.billingTiming();
        ChargeDetails updated = valid(metric(metrics, details.billableMetricId()), new ChargeDetails(details.planId(),
                details.billableMetricId(), details.currency(), timing, merge(changes.pricing())));
        if (!updated.equals(details)) {
            apply(new ChargeUpdatedEvent(chargeId, updated));
        }
    }

    @CommandHandler
    public void handle(DeleteChargeCommand command) {
        apply(new ChargeDeletedEvent(chargeId, details.planId(), details.billableMetricId(), details.currency()));
    }

    @EventSourcingHandler
    void on(ChargeCreatedEvent event) {
        chargeId = event.chargeId();
        details = event.details();
    }

    @EventSourcingHandler
    void on(ChargeUpdatedEvent event) {
        details = event.details();
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
        ChargePricing pricing = details.pricing();
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

    private static BillableMetricDefinition metric(BillableMetricLookup metrics, String billableMetricId) {
        return metrics.find(billableMetricId)
                .orElseThrow(() -> new NotFoundException("Billable metric", billableMetricId));
    }

    /** The charge with its pricing normalised, once it is valid for the metric. */
    private static ChargeDetails valid(BillableMetricDefinition metric, ChargeDetails charge) {
        List<FieldError> errors = ChargeDefinitions.validate(metric, charge.billingTiming(), charge.currency(),
                charge.pricing());
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ChargeDetails(charge.planId(), charge.billableMetricId(), charge.currency(), charge.billingTiming(),
                ChargeDefinitions.normalise(charge.pricing()));
    }
}
