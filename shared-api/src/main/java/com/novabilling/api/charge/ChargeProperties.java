package com.novabilling.api.charge;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;

/**
 * The pricing options of the STANDARD ({@code amount}), PACKAGE ({@code packageSize, amount, freeUnits}) and
 * PERCENTAGE ({@code rate, fixedAmount, freeUnitsPerEvents, freeUnitsPerTotalAggregation, perTransactionMin,
 * perTransactionMax}) models, as the API names them. Options that are not set are left out of the JSON.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChargeProperties(
        BigDecimal amount,
        BigDecimal packageSize,
        BigDecimal freeUnits,
        BigDecimal rate,
        BigDecimal fixedAmount,
        BigDecimal freeUnitsPerEvents,
        BigDecimal freeUnitsPerTotalAggregation,
        BigDecimal perTransactionMin,
        BigDecimal perTransactionMax) {
}
