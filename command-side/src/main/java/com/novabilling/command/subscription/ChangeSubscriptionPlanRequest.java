package com.novabilling.command.subscription;

import com.novabilling.api.error.ValidationException;
import com.novabilling.api.subscription.ChangeSubscriptionPlanCommand;
import com.novabilling.api.subscription.PlanChangeTiming;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** The new plan as {@code planId}, or as {@code newPlanId} (which existing clients send). */
public record ChangeSubscriptionPlanRequest(
        @Size(max = 255) @Schema(description = "The plan to move to; give this or newPlanId",
                example = "pln_0123456789abcdef01234567") String planId,
        @Size(max = 255) @Schema(description = "The same as planId, for existing clients") String newPlanId,
        @Schema(description = "IMMEDIATE or PERIOD_END; default by the rule: an upgrade (a yearly fee at least the "
                + "old one's) IMMEDIATE, a downgrade at PERIOD_END. While TRIALING every change is immediate. Any "
                + "letter case") PlanChangeTiming timing) {

    public ChangeSubscriptionPlanCommand toCommand(String subscriptionId) {
        String byPlanId = blankToNull(planId);
        String byNewPlanId = blankToNull(newPlanId);
        if (byPlanId == null && byNewPlanId == null) {
            throw new ValidationException("planId", "is required (or newPlanId)");
        }
        if (byPlanId != null && byNewPlanId != null && !byPlanId.equals(byNewPlanId)) {
            throw new ValidationException("newPlanId", "differs from planId; give one of them");
        }
        return new ChangeSubscriptionPlanCommand(subscriptionId, byPlanId != null ? byPlanId : byNewPlanId, timing);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
