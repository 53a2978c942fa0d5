package com.novabilling.api.plan;

import java.math.BigDecimal;

/** @param amount major units at the currency's scale (49.99 USD, 50000 UGX) */
public record PlanPriceView(String id, String currency, BigDecimal amount) {
}
