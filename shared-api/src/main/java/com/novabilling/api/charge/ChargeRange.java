package com.novabilling.api.charge;

import java.math.BigDecimal;

/**
 * One inclusive range of a GRADUATED or VOLUME charge ({@code 0–1000}, {@code 1001–10000}, {@code 10001+}).
 * Amounts are major units of the charge currency, kept exactly as sent.
 *
 * @param toValue null for the open last range
 */
public record ChargeRange(BigDecimal fromValue, BigDecimal toValue, BigDecimal perUnitAmount, BigDecimal flatAmount) {
}
