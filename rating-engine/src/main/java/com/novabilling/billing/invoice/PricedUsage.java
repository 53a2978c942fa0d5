package com.novabilling.billing.invoice;

import com.novabilling.rating.aggregation.CarriedState;

import java.util.List;

/**
 * The USAGE lines of one charge over a window — one per billed bucket with units — and, for a recurring metric, the
 * state the next period starts from (to be recorded by the caller; {@link CarriedState#NONE} otherwise).
 */
public record PricedUsage(List<FeeLine> fees, CarriedState closingState) {

    public PricedUsage {
        fees = List.copyOf(fees);
    }
}
