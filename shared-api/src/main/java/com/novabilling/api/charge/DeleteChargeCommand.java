package com.novabilling.api.charge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeleteChargeCommand(@TargetAggregateIdentifier String chargeId) {
}
