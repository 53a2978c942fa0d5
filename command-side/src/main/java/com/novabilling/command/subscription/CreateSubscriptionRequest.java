package com.novabilling.command.subscription;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CreateSubscriptionCommand;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.Map;

public record CreateSubscriptionRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The customer to bill", example = "cus_0123456789abcdef01234567")
        String customerId,
        @NotBlank @Size(max = 255) @Schema(description = "An active plan", example = "pln_0123456789abcdef01234567")
        String planId,
        @SupportedCurrency @Schema(description = "Default: the customer's currency (or the plan's only one when the "
                + "customer has none); the plan must have a price in it, else 400 naming currency")
        String currency,
        @Min(0) @Max(Subscription.MAX_TRIAL_DAYS)
        @Schema(description = "Default: the plan's trial days; more than 0 starts the subscription TRIALING")
        Integer trialDays,
        @Schema(description = "ISO-8601 instant the subscription starts (kept to the second); default now. At most "
                + "366 days and 1,000 billing intervals in the past (a backdated start catches up every period "
                + "since), at most 366 days in the future")
        Instant startDate,
        @Schema(description = "ANNIVERSARY (default) repeats the start instant; CALENDAR aligns periods to the "
                + "start of the day, week, month, quarter or year in the tenant's time zone, the first one "
                + "prorated. Any letter case")
        BillingAnchor billingAnchor,
        @BoundedMetadata Map<String, Object> metadata) {

    public CreateSubscriptionCommand toCommand(String subscriptionId, String timeZone) {
        return new CreateSubscriptionCommand(subscriptionId, customerId.trim(), planId.trim(),
                CurrencyCode.parse(currency).orElse(null), trialDays, startDate, billingAnchor, timeZone, metadata);
    }
}
