package com.novabilling.api.plan;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AddPlanPriceCommand(@TargetAggregateIdentifier String planId, String priceId, Money amount) {
}
