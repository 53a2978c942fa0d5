package com.novabilling.api.charge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A null currency is the plan's first price currency; a null billing timing, IN_ARREARS. */
public record CreateChargeCommand(@TargetAggregateIdentifier String chargeId, ChargeDetails details) {
}
