package com.novabilling.command.charge;

import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.money.CurrencyCode;

import java.util.List;
import java.util.Optional;

/**
 * Reads {@link ChargeLookupTable}, kept in the transaction of each charge event. Its unique key (plan, metric,
 * currency) is what guarantees one charge per triple; the check here gives the friendly 409 first.
 */
public interface ChargeLookup {

    /** The charge of the plan that prices the metric in the currency, if there is one. */
    Optional<String> chargeOf(String planId, String billableMetricId, CurrencyCode currency);

    /** Ids of the plan's charges. */
    List<String> chargesOfPlan(String planId);

    /** Number of the plan's charges that price in the currency. */
    long chargesOfPlanIn(String planId, CurrencyCode currency);

    /** The 409 for a second charge of the plan for the metric in the currency. */
    static ConflictException duplicate(ChargeDetails charge) {
        return new ConflictException("billableMetricId", "Plan " + charge.planId() + " already has a charge for "
                + "billable metric " + charge.billableMetricId() + " in " + charge.currency()
                + "; update that charge instead");
    }
}
