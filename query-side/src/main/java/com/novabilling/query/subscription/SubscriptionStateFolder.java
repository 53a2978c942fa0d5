package com.novabilling.query.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.query.audit.AggregateStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of a subscription. The generic JSON merge would leave the status ACTIVE after a pause
 * (the pause event carries no status), keep the closed period as the current one (a period close names the next
 * one as {@code nextPeriodStart}…) and copy a change's {@code oldPlanId}/{@code newPlanId} beside a stale
 * {@code planId}; here each event moves the fields the API shows, as the read model does.
 */
@Component
public class SubscriptionStateFolder implements AggregateStateFolder {

    @Override
    public boolean supports(String aggregateType) {
        return "Subscription".equals(aggregateType);
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        switch (eventType) {
            case "SubscriptionCreatedEvent" -> {
                payload.properties().forEach(field -> next.set(field.getKey(), field.getValue().deepCopy()));
                next.put("cancelAtPeriodEnd", false);
                next.putNull("cancelAt");
                next.putNull("canceledAt");
                next.putNull("pausedAt");
                next.putNull("pendingChange");
            }
            case "SubscriptionTrialEndedEvent" -> {
                next.put("status", SubscriptionStatus.ACTIVE.name());
                copy(payload, next, "planId", "planId");
                copy(payload, next, "billingInterval", "billingInterval");
                copy(payload, next, "price", "price");
                copy(payload, next, "anchor", "anchor");
                period(next, payload.get("currentPeriodStart"), payload.get("currentPeriodEnd"));
            }
            case "SubscriptionPeriodClosedEvent" -> {
                if (payload.hasNonNull("nextPeriodStart")) {
                    copy(payload, next, "nextPlanId", "planId");
                    copy(payload, next, "nextBillingInterval", "billingInterval");
                    copy(payload, next, "nextPrice", "price");
                    period(next, payload.get("nextPeriodStart"), payload.get("nextPeriodEnd"));
                }
            }
            case "SubscriptionPausedEvent" -> {
                next.put("status", SubscriptionStatus.PAUSED.name());
                copy(payload, next, "pausedAt", "pausedAt");
            }
            case "SubscriptionResumedEvent" -> {
                next.put("status", SubscriptionStatus.ACTIVE.name());
                next.putNull("pausedAt");
                period(next, payload.get("currentPeriodStart"), payload.get("currentPeriodEnd"));
            }
            case "SubscriptionPlanChangedEvent" -> {
                copy(payload, next, "newPlanId", "planId");
                copy(payload, next, "newBillingInterval", "billingInterval");
                copy(payload, next, "newPrice", "price");
                copy(payload, next, "anchor", "anchor");
                period(next, payload.get("currentPeriodStart"), payload.get("currentPeriodEnd"));
                next.putNull("pendingChange");
            }
            case "SubscriptionPlanChangeScheduledEvent" -> {
                ObjectNode pending = next.putObject("pendingChange");
                copy(payload, pending, "newPlanId", "planId");
                copy(payload, pending, "kind", "kind");
                copy(payload, pending, "effectiveAt", "effectiveAt");
            }
            case "SubscriptionCancellationScheduledEvent" -> {
                next.put("cancelAtPeriodEnd", true);
                copy(payload, next, "cancelAt", "cancelAt");
                next.putNull("pendingChange");
            }
            case "SubscriptionCanceledEvent" -> {
                next.put("status", SubscriptionStatus.CANCELED.name());
                copy(payload, next, "canceledAt", "canceledAt");
                next.putNull("pausedAt");
                next.putNull("pendingChange");
            }
            case "SubscriptionMetadataUpdatedEvent" -> copy(payload, next, "metadata", "metadata");
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }

    private static void period(ObjectNode state, JsonNode start, JsonNode end) {
        state.set("currentPeriodStart", start == null ? null : start.deepCopy());
        state.set("currentPeriodEnd", end == null ? null : end.deepCopy());
        if (state.path("cancelAtPeriodEnd").asBoolean(false) && end != null) {
            state.set("cancelAt", end.deepCopy());
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String source, String target) {
        JsonNode value = from.get(source);
        to.set(target, value == null ? null : value.deepCopy());
    }
}
