package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeFilter;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.BucketAssigner;
import com.novabilling.rating.aggregation.BucketEvents;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.BucketFee;
import com.novabilling.rating.pricing.ChargeCalculator;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.LineKind;
import com.novabilling.rating.pricing.PricingProperties;
import com.novabilling.rating.aggregation.Bucket;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * USAGE fee lines of one charge over a window {@code [from, to)} (docs/billing-rules.md §4–§5, §13.2 step 1): one line
 * per filter bucket with units, its fee rounded once by the rating engine, carrying the units, the number of the
 * window's events in the bucket and their {@link UsageDigest}.
 */
public final class UsageFees {

    private UsageFees() {
    }

    public static PricedUsage price(ChargeUsage usage, Instant from, Instant to) {
        if (usage instanceof ChargeUsage.Events events) {
            return fromEvents(events, from, to);
        }
        return fromUnits((ChargeUsage.Units) usage, from, to);
    }

    private static PricedUsage fromEvents(ChargeUsage.Events usage, Instant from, Instant to) {
        RatingResult result = RatingEngine.rate(usage.metric(), usage.charge(), from, to, usage.events(),
                usage.carried());
        Map<String, List<UsageEvent>> windowEventsByBucket = new HashMap<>();
        for (BucketEvents bucket : BucketAssigner.assign(usage.charge(), usage.events())) {
            windowEventsByBucket.put(bucket.bucket().label(), bucket.events().stream()
                    .filter(event -> !event.timestamp().isBefore(from) && event.timestamp().isBefore(to))
                    .toList());
        }
        List<FeeLine> fees = new ArrayList<>();
        for (BucketFee fee : result.fees()) {
            List<UsageEvent> consumed = windowEventsByBucket.getOrDefault(fee.bucket().label(), List.of());
            fees.add(line(usage, fee, from, to, consumed.size(), UsageDigest.ofEvents(consumed)));
        }
        return new PricedUsage(fees, result.closingState());
    }

    private static PricedUsage fromUnits(ChargeUsage.Units usage, Instant from, Instant to) {
        ChargeDefinition charge = usage.charge();
        if (charge.model() == ChargeModel.PERCENTAGE) {
            throw new IllegalArgumentException("a PERCENTAGE charge prices each transaction: rate its events");
        }
        List<FeeLine> fees = new ArrayList<>();
        for (ChargeUsage.BucketUnits bucket : usage.buckets()) {
            PricingProperties pricing = pricingOf(charge, bucket.bucket());
            if (pricing == null) {
                continue;
            }
            ChargeCalculator.calculate(pricing, charge.currency(), bucket.bucket(), bucket.units(), List.of())
                    .ifPresent(fee -> fees.add(line(usage, fee, from, to, bucket.eventCount(), bucket.digest())));
        }
        return new PricedUsage(fees, CarriedState.NONE);
    }

    /** The bucket's pricing: the charge's own for the default bucket, else its filter's; null when not billed. */
    private static PricingProperties pricingOf(ChargeDefinition charge, Bucket bucket) {
        if (bucket.isDefault()) {
            return charge.defaultProperties();
        }
        return charge.filters().stream()
                .filter(filter -> filter.bucket().equals(bucket))
                .map(ChargeFilter::properties)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("bucket " + bucket.label()
                        + " is none of the charge's filters"));
    }

    private static FeeLine line(ChargeUsage usage, BucketFee fee, Instant from, Instant to, long eventCount,
                                String digest) {
        String label = fee.bucket().label();
        String name = usage.chargeName() == null ? usage.chargeId() : usage.chargeName();
        String description = fee.bucket().isDefault() ? name : name + " (" + label + ")";
        return FeeLine.usage(usage.chargeId(), description, unitAmount(fee), fee.amount(), from, to, label,
                fee.lines().stream().map(BreakdownLine::asEstimateLine).toList(),
                new InvoiceLineUsage(fee.units(), eventCount, digest));
    }

    /** The unit price of a STANDARD fee (its single UNIT_PRICE line); null for the other models. */
    private static BigDecimal unitAmount(BucketFee fee) {
        if (fee.lines().size() == 1 && fee.lines().get(0).kind() == LineKind.UNIT_PRICE) {
            return fee.lines().get(0).unitPrice();
        }
        return null;
    }

}
