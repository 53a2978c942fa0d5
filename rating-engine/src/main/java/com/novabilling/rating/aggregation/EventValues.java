package com.novabilling.rating.aggregation;

import com.novabilling.rating.RatingException;
import com.novabilling.rating.UsageEvent;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/** Reads event properties the way the aggregations need them. */
public final class EventValues {

    /** Time order used wherever "order of events" matters: timestamp, then ingestion order. */
    public static final Comparator<UsageEvent> CHRONOLOGICAL =
            Comparator.comparing(UsageEvent::timestamp).thenComparingLong(UsageEvent::ingestionOrder);

    private EventValues() {
    }

    /**
     * The numeric value of {@code field}, empty when the event lacks it.
     *
     * @throws RatingException naming {@code properties.<field>} when the value is not a finite number
     */
    public static Optional<BigDecimal> number(UsageEvent event, String field) {
        Object raw = event.property(field);
        if (raw == null) {
            return Optional.empty();
        }
        return Optional.of(parse(raw, field));
    }

    private static BigDecimal parse(Object raw, String field) {
        if (raw instanceof BigDecimal decimal) {
            return decimal;
        }
        if (raw instanceof Number || raw instanceof String) {
            // Number#toString of NaN/Infinity is not a BigDecimal literal, so non-finite input fails here too.
            String text = raw.toString().trim();
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw notANumber(field, text);
            }
        }
        throw notANumber(field, String.valueOf(raw));
    }

    private static RatingException notANumber(String field, String text) {
        return new RatingException("properties." + field, "'" + text + "' is not a finite number");
    }

    /**
     * The value of a property as a comparable text: strings as sent, numbers in plain notation without trailing
     * zeros (so 5 and 5.0 are the same value). Used for UNIQUE_COUNT values and filter matching.
     */
    public static Optional<String> text(UsageEvent event, String property) {
        Object raw = event.property(property);
        if (raw == null) {
            return Optional.empty();
        }
        if (raw instanceof Number number) {
            try {
                return Optional.of(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
            } catch (NumberFormatException e) {
                return Optional.of(number.toString());
            }
        }
        return Optional.of(raw.toString());
    }
}
