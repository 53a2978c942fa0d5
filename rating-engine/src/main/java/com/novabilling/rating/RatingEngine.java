package com.novabilling.rating;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.Aggregation;
import com.novabilling.rating.aggregation.Aggregator;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.BucketAssigner;
import com.novabilling.rating.aggregation.BucketEvents;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.aggregation.EventValues;
import com.novabilling.rating.aggregation.Window;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.BucketFee;
import com.novabilling.rating.pricing.ChargeCalculator;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.validation.ChargeConfigValidator;
import com.novabilling.rating.validation.MetricValidator;
import com.novabilling.rating.validation.PricingValidator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rates one charge over one window (docs/billing-rules.md): buckets the events by charge filter (§4.3), aggregates each
 * bucket (§2–§3), prices it with the charge model (§5) and rounds each bucket's fee once (§6.3).
 */
public final class RatingEngine {

    private RatingEngine() {
    }

    /**
     * @param events  the events of the metric for the subscription; those outside the window are ignored
     *                (recurring metrics: see {@link Aggregator} for events before {@code from})
     * @param carried the previous period's {@link RatingResult#closingState()} for a recurring metric, else
     *                {@link CarriedState#NONE} (or {@code null})
     * @throws RatingException when the metric or charge is invalid, or an event value cannot be aggregated
     */
    public static RatingResult rate(MetricDefinition metric, ChargeDefinition charge, Instant from, Instant to,
                                    List<UsageEvent> events, CarriedState carried) {
        requireValid(MetricValidator.validate(metric));
        requireValid(ChargeConfigValidator.validate(metric, charge));
        Window window = new Window(from, to);
        CarriedState opening = carried == null ? CarriedState.NONE : carried;
        if (!charge.filters().isEmpty() && !(opening instanceof CarriedState.None)
                && !(opening instanceof CarriedState.PerBucket)) {
            throw new IllegalArgumentException("a charge with filters carries one state per bucket (PerBucket)");
        }

        List<BucketFee> fees = new ArrayList<>();
        Map<String, CarriedState> closingByBucket = new LinkedHashMap<>();
        for (BucketEvents bucket : BucketAssigner.assign(charge, events)) {
            if (!bucket.isBilled()) {
                continue;
            }
            String label = bucket.bucket().label();
            Aggregation aggregation = Aggregator.aggregate(metric, window, bucket.events(), stateOf(opening, label));
            closingByBucket.put(label, aggregation.closingState());
            List<BigDecimal> transactions = charge.model() == ChargeModel.PERCENTAGE
                    ? transactions(metric, window, bucket.events())
                    : List.of();
            ChargeCalculator.calculate(bucket.pricing(), charge.currency(), bucket.bucket(), aggregation.units(),
                    transactions).ifPresent(fees::add);
        }
        CarriedState closing = charge.filters().isEmpty()
                ? closingByBucket.getOrDefault(Bucket.DEFAULT_LABEL, CarriedState.NONE)
                : perBucket(closingByBucket);
        return result(charge, fees, closing);
    }

    /** Estimate for a number of units, priced with the charge's default properties (no filters, no events). */
    public static RatingResult priceUnits(ChargeDefinition charge, BigDecimal units) {
        List<BucketFee> fees = new ArrayList<>();
        if (charge.defaultProperties() != null) {
            requireValid(PricingValidator.validate(charge.defaultProperties()));
            ChargeCalculator.calculate(charge.defaultProperties(), charge.currency(), units).ifPresent(fees::add);
        }
        return result(charge, fees, CarriedState.NONE);
    }

    private static RatingResult result(ChargeDefinition charge, List<BucketFee> fees, CarriedState closing) {
        BigDecimal units = fees.stream().map(BucketFee::units).reduce(BigDecimal.ZERO, BigDecimal::add);
        Money amount = fees.stream().map(BucketFee::amount).reduce(Money.zero(charge.currency()), Money::plus);
        List<BreakdownLine> breakdown = fees.stream().flatMap(fee -> fee.lines().stream()).toList();
        return new RatingResult(units, amount, breakdown, closing, fees);
    }

    private static CarriedState stateOf(CarriedState carried, String label) {
        if (carried instanceof CarriedState.PerBucket perBucket) {
            return perBucket.forBucket(label);
        }
        return carried;
    }

    private static CarriedState perBucket(Map<String, CarriedState> closingByBucket) {
        boolean nothingCarried = closingByBucket.values().stream().allMatch(state -> state instanceof CarriedState.None);
        return nothingCarried ? CarriedState.NONE : new CarriedState.PerBucket(closingByBucket);
    }

    /** The window's values of the metric field in (timestamp, ingestion) order: PERCENTAGE prices each one. */
    private static List<BigDecimal> transactions(MetricDefinition metric, Window window, List<UsageEvent> events) {
        return events.stream()
                .filter(event -> window.contains(event.timestamp()))
                .sorted(EventValues.CHRONOLOGICAL)
                .map(event -> EventValues.number(event, metric.fieldName()))
                .flatMap(Optional::stream)
                .toList();
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            FieldError first = errors.get(0);
            throw new RatingException(first.field(), first.message());
        }
    }
}
