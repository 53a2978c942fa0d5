package com.novabilling.command.usage;

import com.novabilling.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The open period's usage of a subscription; sits beside the subscription controller's routes. */
@RestController
@Tag(name = ApiTags.USAGE_EVENTS)
public class CurrentUsageController {

    private final CurrentUsage currentUsage;

    public CurrentUsageController(CurrentUsage currentUsage) {
        this.currentUsage = currentUsage;
    }

    @GetMapping("/subscriptions/{subscriptionId}/usage")
    @Operation(operationId = "getSubscriptionCurrentUsage", summary = "Get a subscription's current usage",
            description = "The open period's usage per charge of the subscription's plan in its currency: units, "
                    + "amount (major units, each filter bucket rounded once) and the rating breakdown — what the "
                    + "period-end invoice would bill for usage if the period ended now. 404 when the subscription does not exist.")
    public CurrentUsageView get(@PathVariable String subscriptionId) {
        return currentUsage.of(subscriptionId);
    }
}
