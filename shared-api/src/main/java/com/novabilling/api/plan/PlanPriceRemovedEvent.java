package com.novabilling.api.plan;

import com.novabilling.api.money.CurrencyCode;

public record PlanPriceRemovedEvent(String planId, String priceId, CurrencyCode currency) {
}
