package com.novabilling.command.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

@Schema(description = "Absent or null fields are left unchanged. planId, billableMetricId and currency cannot change "
        + "(400 when a different value is sent). When chargeModel changes, the old model's pricing is dropped: send "
        + "the new model's pricing (and filters). The whole result is validated like a new charge")
public record UpdateChargeRequest(
        String planId,
        String billableMetricId,
        @SupportedCurrency String currency,
        @Schema(description = "Any letter case is accepted; answered in upper case") ChargeModel chargeModel,
        BillingTiming billingTiming,
        ChargeProperties properties,
        @Size(max = 100) List<@NotNull ChargeRange> graduatedRanges,
        @Size(max = 100) List<@NotNull ChargeRange> volumeRanges,
        @Size(max = 100) @Schema(description = "Replaces the charge filters whole; [] removes them")
        List<@NotNull ChargeFilterPricing> filters) {

    static final UpdateChargeRequest NO_CHANGES =
            new UpdateChargeRequest(null, null, null, null, null, null, null, null, null);

    ChargeDetails changes() {
        return new ChargeDetails(planId, billableMetricId, CurrencyCode.parse(currency).orElse(null), billingTiming,
                new ChargePricing(chargeModel, properties, graduatedRanges, volumeRanges, filters));
    }
}
