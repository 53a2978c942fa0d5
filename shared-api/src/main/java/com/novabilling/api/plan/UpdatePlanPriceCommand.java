package com.novabilling.api.plan;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Changes a price's amount; its currency is the price's identity within the plan and does not change. */
public record UpdatePlanPriceCommand(@TargetAggregateIdentifier String planId, String priceId, Money amount) {
}
