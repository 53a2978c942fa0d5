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
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The pricing goes in the field of the model; pricing fields of another model are refused (400 naming them). */
public record CreateChargeRequest(
        @NotBlank @Schema(example = "pln_0123456789abcdef01234567") String planId,
        @NotBlank @Schema(example = "bm_0123456789abcdef01234567") String billableMetricId,
        @NotNull @Schema(description = "Any letter case is accepted; answered in upper case") ChargeModel chargeModel,
        @Schema(description = "Default IN_ARREARS; IN_ADVANCE (billed on ingestion) only for COUNT, SUM and "
                + "UNIQUE_COUNT metrics") BillingTiming billingTiming,
        @SupportedCurrency @Schema(description = "One of the plan's price currencies; default: the currency of the "
                + "plan's first price. A plan sold in several currencies has one charge per metric and currency",
                example = "USD") String currency,
        @Schema(description = "STANDARD {amount}; PACKAGE {packageSize, amount, freeUnits}; PERCENTAGE {rate, "
                + "fixedAmount, freeUnitsPerEvents, freeUnitsPerTotalAggregation, perTransactionMin, "
                + "perTransactionMax}. Amounts in major units of the charge currency, up to 12 decimals")
        ChargeProperties properties,
        @Size(max = 100) @Schema(description = "GRADUATED: inclusive ranges starting at 0, each fromValue = previous "
                + "toValue + 1, only the last open (toValue null)") List<@NotNull ChargeRange> graduatedRanges,
        @Size(max = 100) @Schema(description = "VOLUME: ranges shaped like graduatedRanges; all units are priced in "
                + "the one range that contains them") List<@NotNull ChargeRange> volumeRanges,
        @Size(max = 100) @Schema(description = "Charge filters (most specific match wins): values use the metric's "
                + "filter keys and values; pricing in the model's field")
        List<@NotNull ChargeFilterPricing> filters) {

    ChargeDetails details() {
        return new ChargeDetails(planId, billableMetricId, CurrencyCode.parse(currency).orElse(null), billingTiming,
                new ChargePricing(chargeModel, properties, graduatedRanges, volumeRanges, filters));
    }
}
