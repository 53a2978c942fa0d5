package com.novabilling.command.charge;

import com.novabilling.command.metric.MetricUsage;
import com.novabilling.command.plan.PlanLookup;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Keeps what charges price with: a billable metric any charge uses, and a plan price whose currency a charge of
 * that plan prices in. (Deleting a whole plan deletes its charges instead, see {@link PlanChargesCleanup}.)
 */
@Component
public class ChargeDeletionGuard implements DeletionGuard {

    private final ChargeLookupTable charges;
    private final PlanLookup plans;

    public ChargeDeletionGuard(ChargeLookupTable charges, PlanLookup plans) {
        this.charges = charges;
        this.plans = plans;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        return switch (resource) {
            case BILLABLE_METRIC -> reason(charges.chargesUsing(id), "Billable metric " + id + " is used by %s; "
                    + "delete those charges first");
            case PLAN_PRICE -> plans.findPrice(id).flatMap(price -> reason(
                    charges.chargesOfPlanIn(price.planId(), price.currency()), "The " + price.currency()
                            + " price of plan " + price.planId() + " is needed by %s pricing in " + price.currency()
                            + "; delete those charges first"));
            default -> Optional.empty();
        };
    }

    /** @param template a message with {@code %s} where the number of charges goes */
    private static Optional<String> reason(long charges, String template) {
        if (charges == 0) {
            return Optional.empty();
        }
        return Optional.of(template.formatted(charges + (charges == 1 ? " charge" : " charges")));
    }
}
