package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.UpdatePlanCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** Every field is optional; absent fields keep their value. Prices change through {@code /plans/{id}/prices}. */
public record UpdatePlanRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @Size(max = 2000) String description,
        BillingInterval billingInterval,
        @Size(max = 100) List<@NotBlank @Size(max = 255) String> features,
        @Min(0) @Max(PlanRequestRules.MAX_TRIAL_DAYS) Integer trialDays,
        @Schema(description = "false stops new subscriptions; existing ones are untouched") Boolean active,
        @BoundedMetadata Map<String, Object> metadata,
        @Schema(description = "Not accepted here: use POST/PATCH/DELETE /plans/{id}/prices", hidden = true)
        List<Object> prices,
        @Schema(description = "When the base fee is billed: IN_ADVANCE or IN_ARREARS, any letter case")
        BillingTiming billingTiming,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.NET_PAYMENT_TERMS)
        Integer netPaymentTerms,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.GRACE_PERIOD)
        Integer invoiceGracePeriodDays) {

    static final UpdatePlanRequest NO_CHANGES =
            new UpdatePlanRequest(null, null, null, null, null, null, null, null, null, null, null, null);

    public UpdatePlanCommand toCommand(String planId) {
        if (prices != null) {
            throw new ValidationException("prices", "prices change through POST, PATCH and DELETE /plans/{id}/prices");
        }
        return new UpdatePlanCommand(planId, new PlanDetails(name, code, description, billingInterval, features,
                trialDays, billingTiming, netPaymentTerms, invoiceGracePeriodDays, active, metadata));
    }
}
