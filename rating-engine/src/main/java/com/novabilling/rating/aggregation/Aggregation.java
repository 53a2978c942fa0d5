package com.novabilling.rating.aggregation;

import java.math.BigDecimal;

/**
 * Result of aggregating one stream of events.
 *
 * @param units        the aggregate after the metric's optional rounding; may be negative (priced as 0)
 * @param closingState what the next period starts from ({@link CarriedState#NONE} for non-recurring metrics)
 */
public record Aggregation(BigDecimal units, CarriedState closingState) {
}
