package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.id.IdPrefix;
import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.CreatePlanCommand;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;

public record CreatePlanRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "Unique within the tenant", example = "pro") String code,
        @Size(max = 2000) String description,
        @NotNull @Schema(description = "Any letter case is accepted (monthly); answered in upper case")
        BillingInterval billingInterval,
        @Size(max = 100) List<@NotBlank @Size(max = 255) String> features,
        @Min(0) @Max(PlanRequestRules.MAX_TRIAL_DAYS) @Schema(description = "Default 0") Integer trialDays,
        @Schema(description = "Default true; an inactive plan accepts no new subscriptions") Boolean active,
        @BoundedMetadata Map<String, Object> metadata,
        @Size(max = 17) @Schema(description = "At most one price per currency")
        List<@NotNull @Valid PlanPriceRequest> prices,
        @Schema(description = "When the base fee is billed: IN_ADVANCE (default; at the start of each period) or "
                + "IN_ARREARS (at its end); any letter case") BillingTiming billingTiming,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.NET_PAYMENT_TERMS
                + "; absent: the tenant's (a customer's own terms win over the plan's)") Integer netPaymentTerms,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.GRACE_PERIOD
                + "; absent: the tenant's") Integer invoiceGracePeriodDays) {

    public CreatePlanCommand toCommand(String planId) {
        List<PlanPrice> planPrices = new ArrayList<>();
        if (prices != null) {
            for (int i = 0; i < prices.size(); i++) {
                planPrices.add(prices.get(i).toPrice(IdPrefix.PLAN_PRICE.newId(), "prices[" + i + "]."));
            }
        }
        return new CreatePlanCommand(planId, new PlanDetails(name, code, description, billingInterval, features,
                trialDays, billingTiming, netPaymentTerms, invoiceGracePeriodDays, active, metadata), planPrices);
    }
}
