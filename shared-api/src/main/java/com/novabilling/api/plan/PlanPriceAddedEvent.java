package com.novabilling.api.plan;

import com.novabilling.api.money.Money;

public record PlanPriceAddedEvent(String planId, String priceId, Money amount) {
}
