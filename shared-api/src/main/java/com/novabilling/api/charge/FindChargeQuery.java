package com.novabilling.api.charge;

/** Answered with a {@link ChargeView}, or NotFoundException. */
public record FindChargeQuery(String chargeId) {
}
