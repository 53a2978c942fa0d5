package com.novabilling.rating.aggregation;

import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.pricing.PricingProperties;

import java.util.List;

/**
 * The events of one bucket and the pricing that applies to them.
 *
 * @param pricing {@code null} for the default bucket of a charge without default properties (not billed)
 */
public record BucketEvents(Bucket bucket, PricingProperties pricing, List<UsageEvent> events) {
    public BucketEvents {
        events = List.copyOf(events);
    }

    public boolean isBilled() {
        return pricing != null;
    }
}
