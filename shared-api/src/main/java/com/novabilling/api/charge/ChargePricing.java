package com.novabilling.api.charge;

import java.util.List;

/**
 * How a charge prices, as the API speaks it: the model, the default pricing in the model's field
 * ({@code properties}, {@code graduatedRanges} or {@code volumeRanges}) and the charge filters.
 */
public record ChargePricing(
        ChargeModel chargeModel,
        ChargeProperties properties,
        List<ChargeRange> graduatedRanges,
        List<ChargeRange> volumeRanges,
        List<ChargeFilterPricing> filters) {

    public ChargePricing {
        filters = filters == null ? List.of() : filters;
    }
}
