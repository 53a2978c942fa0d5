package com.novabilling.query.subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.query.audit.AggregateStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of a subscription, moved by each event as {@link SubscriptionProjection} moves the read
 * model: status, plan, price, current period, pause, pending change and cancellation. The generic JSON merge would
 * keep the status it was created with and copy a closed period's plan over the next one's.
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
                next.putNull("pausedAt");
                next.putNull("pendingChange");
                next.putNull("cancelAt");
                next.put("cancelAtPeriodEnd", false);
                next.putNull("canceledAt");
            }
            case "SubscriptionTrialEndedEvent" -> {
                plan(payload, next, "planId", "billingInterval", "price");
                period(payload, next);
                next.put("status", SubscriptionStatus.ACTIVE.name());
            }
            case "SubscriptionPeriodClosedEvent" -> {
                if (!payload.path("nextPeriodStart").isNull() && payload.has("nextPeriodStart")) {
                    plan(payload, next, "nextPlanId", "nextBillingInterval", "nextPrice");
                    next.set("currentPeriodStart", payload.get("nextPeriodStart").deepCopy());
                    next.set("currentPeriodEnd", payload.get("nextPeriodEnd").deepCopy());
                    next.putNull("pendingChange");
                }
            }
            case "SubscriptionPausedEvent" -> {
                next.set("pausedAt", payload.get("pausedAt").deepCopy());
                period(payload, next);
                next.put("status", SubscriptionStatus.PAUSED.name());
            }
            case "SubscriptionResumedEvent" -> {
                next.putNull("pausedAt");
                period(payload, next);
                next.put("status", SubscriptionStatus.ACTIVE.name());
            }
            case "SubscriptionPlanChangedEvent" -> {
                plan(payload, next, "newPlanId", "newBillingInterval", "newPrice");
                period(payload, next);
                next.putNull("pendingChange");
            }
            case "SubscriptionPlanChangeScheduledEvent" -> {
                ObjectNode pending = next.putObject("pendingChange");
                pending.set("planId", payload.get("newPlanId").deepCopy());
                pending.set("kind", payload.get("kind").deepCopy());
                pending.set("effectiveAt", payload.get("effectiveAt").deepCopy());
            }
            case "SubscriptionCancellationScheduledEvent" -> {
                next.set("cancelAt", payload.get("cancelAt").deepCopy());
                next.put("cancelAtPeriodEnd", true);
                next.putNull("pendingChange");
            }
            case "SubscriptionCanceledEvent" -> {
                next.set("canceledAt", payload.get("canceledAt").deepCopy());
                next.put("status", SubscriptionStatus.CANCELED.name());
            }
            case "SubscriptionMetadataUpdatedEvent" -> next.set("metadata", payload.get("metadata").deepCopy());
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }

    private static void plan(JsonNode payload, ObjectNode state, String planId, String interval, String price) {
        state.set("planId", payload.path(planId).deepCopy());
        state.set("billingInterval", payload.path(interval).deepCopy());
        state.set("price", payload.path(price).deepCopy());
    }

    private static void period(JsonNode payload, ObjectNode state) {
        state.set("currentPeriodStart", payload.path("currentPeriodStart").deepCopy());
        state.set("currentPeriodEnd", payload.path("currentPeriodEnd").deepCopy());
    }
}
