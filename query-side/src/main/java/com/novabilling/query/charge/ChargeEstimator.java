package com.novabilling.query.charge;

import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.charge.ChargeEstimateView;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.EstimateChargeQuery;
import com.novabilling.api.charge.EstimateEvent;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.InvalidAmountException;
import com.novabilling.query.metric.BillableMetricEntity;
import com.novabilling.query.metric.BillableMetricRepository;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeDefinitions;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingException;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.validation.RangeValidator;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rates a charge for an estimate with the rating engine, storing nothing. Units are priced with the charge's default
 * pricing (filters need events); events are bucketed by the charge filters and aggregated by the metric over the
 * window, by default {@code [earliest event, latest event + 1 s)}. Recurring metrics start from nothing. Not part of
 * the charges projection: it reads the billable metrics read model too (docs/architecture.md §6).
 */
@Component
public class ChargeEstimator {

    static final Duration DEFAULT_WINDOW_TAIL = Duration.ofSeconds(1);

    private final ChargeRepository charges;
    private final BillableMetricRepository metrics;

    /** Reads the charges and the billable metrics read models, so an estimate waits for both after a write. */
    public ChargeEstimator(ChargeRepository charges, BillableMetricRepository metrics) {
        this.charges = charges;
        this.metrics = metrics;
    }

    @QueryHandler
    public ChargeEstimateView handle(EstimateChargeQuery query) {
        ChargeDetails charge = charges.findById(query.chargeId()).map(ChargeEntity::details)
                .orElseThrow(() -> new NotFoundException(ChargeProjection.RESOURCE, query.chargeId()));
        BillableMetricEntity metric = metrics.findById(charge.billableMetricId()).orElseThrow(() ->
                new IllegalStateException("Charge " + query.chargeId() + " prices billable metric "
                        + charge.billableMetricId() + ", which is not in the read model"));
        return estimate(metric.toDefinition(), charge.currency(), charge.pricing(), query);
    }

    static ChargeEstimateView estimate(BillableMetricDefinition metric, CurrencyCode chargeCurrency,
                                       ChargePricing pricing, EstimateChargeQuery query) {
        if (query.currency() != null && query.currency() != chargeCurrency) {
            throw new ValidationException("currency", "must be " + chargeCurrency + ", the charge's currency");
        }
        boolean byUnits = query.units() != null;
        if (byUnits == (query.events() != null)) {
            throw byUnits
                    ? new ValidationException("events", "cannot be sent together with units; send one of them")
                    : new ValidationException("units", "is required unless events are sent");
        }
        ChargeDefinition charge = ChargeDefinitions.charge(chargeCurrency, pricing);
        if (byUnits) {
            if (query.units().signum() < 0) {
                throw new ValidationException("units", "must not be negative");
            }
            if (query.units().compareTo(RangeValidator.MAX_UNITS) > 0) {
                throw new ValidationException("units", "must not exceed " + RangeValidator.MAX_UNITS.toPlainString());
            }
            try {
                return view(RatingEngine.priceUnits(charge, query.units()), chargeCurrency, null, null);
            } catch (InvalidAmountException e) {
                throw new ValidationException("units", "price to more than NovaBilling can hold: " + e.getMessage());
            }
        }
        List<UsageEvent> events = usageEvents(query.events());
        Instant from = query.from() != null ? query.from()
                : events.stream().map(UsageEvent::timestamp).min(Comparator.naturalOrder()).orElseThrow();
        Instant to = query.to() != null ? query.to()
                : events.stream().map(UsageEvent::timestamp).max(Comparator.naturalOrder()).orElseThrow()
                .plus(DEFAULT_WINDOW_TAIL);
        if (to.isBefore(from)) {
            throw new ValidationException("to", "must not be before from (" + from + ")");
        }
        try {
            RatingResult result = RatingEngine.rate(ChargeDefinitions.metric(metric), charge, from, to, events,
                    CarriedState.NONE);
            return view(result, chargeCurrency, from, to);
        } catch (InvalidAmountException e) {
            throw new ValidationException("events", "price to more than NovaBilling can hold: " + e.getMessage());
        } catch (RatingException e) {
            String field = e.field() == null ? "events" : e.field();
            String message = e.getMessage().startsWith(field + ": ")
                    ? e.getMessage().substring(field.length() + 2) : e.getMessage();
            throw new ValidationException(field, message);
        }
    }

    private static List<UsageEvent> usageEvents(List<EstimateEvent> events) {
        if (events.isEmpty()) {
            throw new ValidationException("events", "at least one event is required");
        }
        List<FieldError> errors = new ArrayList<>();
        List<UsageEvent> usage = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EstimateEvent event = events.get(i);
            if (event == null || event.timestamp() == null) {
                errors.add(new FieldError("events[" + i + "]" + (event == null ? "" : ".timestamp"), "is required"));
                continue;
            }
            String transactionId = event.transactionId() != null ? event.transactionId() : "event-" + i;
            usage.add(new UsageEvent(transactionId, event.timestamp(), i, event.properties()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return usage;
    }

    private static ChargeEstimateView view(RatingResult result, CurrencyCode currency, Instant from, Instant to) {
        List<ChargeEstimateLine> lines = result.breakdown().stream().map(BreakdownLine::asEstimateLine).toList();
        return new ChargeEstimateView(result.units(), result.amount().toMajor(), currency.name(), from, to, lines);
    }

}
