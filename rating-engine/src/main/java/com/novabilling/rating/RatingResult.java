package com.novabilling.rating;

import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.BucketFee;

import java.math.BigDecimal;
import java.util.List;

/**
 * The rating of one charge over one window.
 *
 * @param units        units priced, summed over the billed buckets
 * @param amount       sum of the per-bucket fees, each rounded once
 * @param breakdown    every line of every bucket, in bucket order
 * @param closingState what the next period of a recurring metric starts from
 * @param fees         one fee per billed bucket with units &gt; 0 (buckets with 0 units produce no fee line)
 */
public record RatingResult(BigDecimal units, Money amount, List<BreakdownLine> breakdown, CarriedState closingState,
                           List<BucketFee> fees) {
    public RatingResult {
        breakdown = List.copyOf(breakdown);
        fees = List.copyOf(fees);
    }
}
