package com.novabilling.api.charge;

import java.util.List;

/**
 * How a charge prices, as the API speaks it: the model, the default pricing in the model's field
 * ({@code properties}, {@code graduatedRanges} or {@code volumeRanges}) and the charge filters. In an update, a
 * null component means "unchanged".
 */
public record ChargePricing(
        ChargeModel chargeModel,
        ChargeProperties properties,
        List<ChargeRange> graduatedRanges,
        List<ChargeRange> volumeRanges,
        List<ChargeFilterPricing> filters) {

    /** The filters, or an empty list when none are given. */
    public List<ChargeFilterPricing> filtersOrNone() {
        return filters == null ? List.of() : filters;
    }
}
