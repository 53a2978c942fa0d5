package com.novabilling.query.charge;

import com.novabilling.api.charge.EstimateChargeQuery;
import com.novabilling.api.charge.EstimateEvent;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

@Schema(description = "Send either units or events. Units are priced with the charge's default pricing (charge filters "
        + "need events). Events are bucketed by the charge filters and aggregated by the metric over the window "
        + "[from, to); without from, the window starts at the earliest event; without to, it ends one second after "
        + "the latest event. Recurring metrics start from nothing. Nothing is stored")
public record EstimateChargeRequest(
        @Schema(description = "Must be the charge's currency; default: the charge's currency", example = "USD")
        String currency,
        @Schema(description = "Units to price, not negative", example = "15000") BigDecimal units,
        @Size(max = 10000) @Schema(description = "Usage events: timestamp required; properties hold the metric's "
                + "field and filter keys") List<EstimateEvent> events,
        @Schema(description = "Start of the window (inclusive); only with events") Instant from,
        @Schema(description = "End of the window (exclusive); only with events") Instant to) {

    EstimateChargeQuery toQuery(String chargeId) {
        CurrencyCode code = currency == null ? null : CurrencyCode.parse(currency).orElseThrow(() ->
                new ValidationException("currency", "must be one of " + String.join(", ", CurrencyCode.codes())));
        return new EstimateChargeQuery(chargeId, code, units, events, from, to);
    }
}
