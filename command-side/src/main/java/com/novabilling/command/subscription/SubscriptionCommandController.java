package com.novabilling.command.subscription;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.command.web.ResourceCommands;
import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.api.subscription.FindSubscriptionQuery;
import com.novabilling.api.subscription.PauseSubscriptionCommand;
import com.novabilling.api.subscription.ResumeSubscriptionCommand;
import com.novabilling.api.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/** Subscriptions' writes (docs/billing-rules.md §10); each answers the subscription as the read model now has it. */
@RestController
@RequestMapping("/subscriptions")
@Tag(name = ApiTags.SUBSCRIPTIONS)
public class SubscriptionCommandController {

    private final ResourceCommands commands;
    private final TenantTimeZone timeZone;
    private final Clock clock;

    public SubscriptionCommandController(ResourceCommands commands,
                                         TenantTimeZone timeZone, Clock clock) {
        this.commands = commands;
        this.timeZone = timeZone;
        this.clock = clock;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSubscription", summary = "Create a subscription",
            description = "Subscribes a customer to a plan in one of the plan's currencies (default: the "
                    + "customer's). With trial days (default: the plan's) it is TRIALING until trialEnd, else "
                    + "ACTIVE; periods follow the plan's interval from the start (ANNIVERSARY) or aligned to the "
                    + "calendar in the tenant's time zone (CALENDAR). Month ends clamp: Jan 31, Feb 28, Mar 31.")
    @ApiResponse(responseCode = "404", description = "The customer or the plan does not exist")
    @ApiResponse(responseCode = "409", description = "The plan is inactive or the customer is deleted")
    public SubscriptionView create(@Valid @RequestBody CreateSubscriptionRequest request) {
        String subscriptionId = IdPrefix.SUBSCRIPTION.newId();
        commands.send(request.toCommand(subscriptionId, timeZone.currentZoneId()));
        if (request.startDate() != null && request.startDate().isBefore(clock.instant())) {
            // A backdated start: perform the transitions already due (period closes, trial end) at once, as the
            // scheduler would, so the answer shows the period current now.
            commands.send(new AdvanceSubscriptionCommand(subscriptionId, null));
        }
        return find(subscriptionId);
    }

    @PatchMapping("/{subscriptionId}")
    @Operation(operationId = "updateSubscription", summary = "Update a subscription's metadata",
            description = "Only metadata can be changed here; an empty or absent body changes nothing.")
    public SubscriptionView update(@PathVariable String subscriptionId,
                                   @Valid @RequestBody(required = false) UpdateSubscriptionRequest request) {
        UpdateSubscriptionRequest changes = request != null ? request : UpdateSubscriptionRequest.NO_CHANGES;
        changes.toCommand(subscriptionId)
                .ifPresent(command -> commands.sendTo(IdPrefix.SUBSCRIPTION, subscriptionId, command));
        return find(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/cancel")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "cancelSubscription", summary = "Cancel a subscription",
            description = "{cancelAt: \"now\"} (the default) ends it at once, recording the seconds used and "
                    + "remaining of the period; {cancelAt: \"period_end\"} (or the SDK's {cancelAtPeriodEnd: true}) "
                    + "sets cancelAt to the period's end, dropping a pending plan change. Asked again while "
                    + "scheduled, nothing changes.")
    @ApiResponse(responseCode = "409", description = "The subscription is already CANCELED")
    public SubscriptionView cancel(@PathVariable String subscriptionId,
                                   @Valid @RequestBody(required = false) CancelSubscriptionRequest request) {
        CancelSubscriptionRequest cancel = request != null ? request : CancelSubscriptionRequest.NOW;
        commands.sendTo(IdPrefix.SUBSCRIPTION, subscriptionId, cancel.toCommand(subscriptionId));
        return find(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/pause")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "pauseSubscription", summary = "Pause a subscription",
            description = "Pauses an ACTIVE subscription now: no period ends while it is PAUSED; on resume the "
                    + "period is stretched by the paused seconds.")
    @ApiResponse(responseCode = "409", description = "The subscription is not ACTIVE")
    public SubscriptionView pause(@PathVariable String subscriptionId) {
        commands.sendTo(IdPrefix.SUBSCRIPTION, subscriptionId, new PauseSubscriptionCommand(subscriptionId));
        return find(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/resume")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "resumeSubscription", summary = "Resume a subscription",
            description = "Resumes a PAUSED subscription now; its current period ends later by the paused seconds.")
    @ApiResponse(responseCode = "409", description = "The subscription is not PAUSED")
    public SubscriptionView resume(@PathVariable String subscriptionId) {
        commands.sendTo(IdPrefix.SUBSCRIPTION, subscriptionId, new ResumeSubscriptionCommand(subscriptionId));
        return find(subscriptionId);
    }

    @PostMapping("/{subscriptionId}/change-plan")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "changeSubscriptionPlan", summary = "Change a subscription's plan",
            description = "An upgrade applies now, keeping the anchor (another interval restarts the schedule); "
                    + "a downgrade waits for the period's end as pendingChange; timing overrides the rule. While "
                    + "TRIALING any change applies now. The event records the seconds used and remaining.")
    @ApiResponse(responseCode = "404", description = "The new plan does not exist")
    @ApiResponse(responseCode = "409", description = "The subscription is CANCELED or PAUSED, already on the plan, "
            + "scheduled to cancel (for a change at period end), or the plan is inactive or has no price in the "
            + "subscription's currency")
    public SubscriptionView changePlan(@PathVariable String subscriptionId,
                                       @Valid @RequestBody ChangeSubscriptionPlanRequest request) {
        commands.sendTo(IdPrefix.SUBSCRIPTION, subscriptionId, request.toCommand(subscriptionId));
        return find(subscriptionId);
    }

    private SubscriptionView find(String subscriptionId) {
        return commands.read(new FindSubscriptionQuery(subscriptionId), SubscriptionView.class);
    }
}
