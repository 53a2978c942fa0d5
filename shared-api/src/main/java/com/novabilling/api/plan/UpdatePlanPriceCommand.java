package com.novabilling.api.plan;

import com.novabilling.api.money.CurrencyCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;

/**
 * Changes a price's amount, given in major units of the price's currency. The currency is the price's identity
 * within the plan: {@code currency} is optional and, when given, must be the price's own.
 */
public record UpdatePlanPriceCommand(@TargetAggregateIdentifier String planId, String priceId, CurrencyCode currency,
                                     BigDecimal amount) {
}
