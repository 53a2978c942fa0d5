package com.novabilling.api.charge;

import java.math.BigDecimal;

/**
 * One unrounded step of an estimate: {@code amount = units × unitPrice + flatAmount} (TRANSACTION lines: clamped
 * to the per-transaction limits).
 *
 * @param bucket    the charge filter the line belongs to ({@code region=[eu]}) or {@code default}
 * @param tierIndex the range index of TIER lines, the event position of TRANSACTION lines, else null
 * @param fromValue the range's fromValue (TIER lines), else null
 * @param toValue   the range's toValue; null for the open range and non-tier lines
 */
public record ChargeEstimateLine(String bucket, BreakdownLineKind kind, Integer tierIndex, BigDecimal fromValue,
                                 BigDecimal toValue, BigDecimal units, BigDecimal unitPrice, BigDecimal flatAmount,
                                 BigDecimal amount, String explanation) {
}
