package com.novabilling.api.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemovePlanPriceCommand(@TargetAggregateIdentifier String planId, String priceId) {
}
