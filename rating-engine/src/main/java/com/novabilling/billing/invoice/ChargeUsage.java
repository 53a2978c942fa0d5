package com.novabilling.billing.invoice;

import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.CarriedState;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The usage of one charge over a window, to be priced into USAGE lines by {@link UsageFees}: either the raw events
 * (rated by {@link com.novabilling.rating.RatingEngine#rate}) or the units already aggregated per filter bucket (for
 * instance in SQL), priced with the bucket's pricing.
 */
public sealed interface ChargeUsage {

    String chargeId();

    /** Printed on the line, e.g. the metric's name. */
    String chargeName();

    ChargeDefinition charge();

    /**
     * The events of the charge's metric for the subscription (for a recurring metric, all before the window's end, or
     * the window's with {@code carried}).
     */
    record Events(String chargeId, String chargeName, MetricDefinition metric, ChargeDefinition charge,
                  List<UsageEvent> events, CarriedState carried) implements ChargeUsage {
        public Events {
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(charge, "charge");
            events = List.copyOf(events);
        }
    }

    /** Units aggregated per bucket; PERCENTAGE charges need their events and are refused here. */
    record Units(String chargeId, String chargeName, ChargeDefinition charge, List<BucketUnits> buckets)
            implements ChargeUsage {
        public Units {
            Objects.requireNonNull(chargeId, "chargeId");
            Objects.requireNonNull(charge, "charge");
            buckets = List.copyOf(buckets);
        }
    }

    /**
     * One bucket's aggregate: the units to price (after the metric's rounding), how many events went into them and
     * their digest ({@link UsageDigest}).
     *
     * @param bucket {@link Bucket#DEFAULT} or the bucket of one of the charge's filters
     */
    record BucketUnits(Bucket bucket, BigDecimal units, long eventCount, String digest) {
        public BucketUnits {
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(units, "units");
        }
    }
}
