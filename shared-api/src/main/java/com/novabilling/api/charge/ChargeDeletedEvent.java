package com.novabilling.api.charge;

import com.novabilling.api.money.CurrencyCode;

public record ChargeDeletedEvent(String chargeId, String planId, String billableMetricId, CurrencyCode currency) {
}
