package com.novabilling.api.charge;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Partial update; a null component leaves that field unchanged. {@code planId}, {@code billableMetricId} and
 * {@code currency} cannot change: they are carried only so that a different value is refused. When the model
 * changes, the pricing fields of the old model are dropped; {@code filters}, when present, replace the filters.
 */
public record UpdateChargeCommand(@TargetAggregateIdentifier String chargeId, ChargeDetails changes) {
}
