package com.novabilling.api.addon;

import com.novabilling.api.money.CurrencyCode;

import java.math.BigDecimal;

/** @param amount major units at the currency's scale (25.00 USD, 50000 UGX) */
public record AddOnPriceView(CurrencyCode currency, BigDecimal amount) {
}
