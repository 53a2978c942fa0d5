package com.novabilling.command.charge;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;

final class ChargeConflicts {

    private ChargeConflicts() {
    }

    static ConflictException duplicate(String planId, String billableMetricId, CurrencyCode currency) {
        return new ConflictException("billableMetricId", "Plan " + planId + " already has a charge for billable metric "
                + billableMetricId + " in " + currency + "; update that charge instead");
    }
}
