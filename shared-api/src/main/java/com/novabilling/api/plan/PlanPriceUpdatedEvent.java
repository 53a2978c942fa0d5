package com.novabilling.api.plan;

import com.novabilling.api.money.Money;

public record PlanPriceUpdatedEvent(String planId, String priceId, Money amount) {
}
