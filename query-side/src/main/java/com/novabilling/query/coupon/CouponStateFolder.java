package com.novabilling.query.coupon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.query.audit.AggregateStateFolder;
import com.novabilling.query.audit.JsonMergeStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of a coupon. The generic JSON merge would copy an application's fields (customerId,
 * appliedCouponId) onto the coupon itself; here applications are kept apart under {@code appliedCoupons}, keyed by
 * id, next to the coupon's fields and its {@code timesRedeemed}.
 */
@Component
public class CouponStateFolder implements AggregateStateFolder {

    static final String APPLIED_COUPONS = "appliedCoupons";
    static final String TIMES_REDEEMED = "timesRedeemed";

    @Override
    public boolean supports(String aggregateType) {
        return "Coupon".equals(aggregateType);
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        switch (eventType) {
            case "CouponCreatedEvent", "CouponUpdatedEvent" -> {
                payload.properties().forEach(field -> next.set(field.getKey(), field.getValue().deepCopy()));
                if (!next.has(TIMES_REDEEMED)) {
                    next.put(TIMES_REDEEMED, 0);
                    next.putObject(APPLIED_COUPONS);
                }
            }
            case "CouponAppliedEvent" -> {
                next.set(TIMES_REDEEMED, payload.get(TIMES_REDEEMED).deepCopy());
                next.withObjectProperty(APPLIED_COUPONS).putObject(payload.get("appliedCouponId").asText())
                        .put("customerId", payload.get("customerId").asText())
                        .put("status", AppliedCouponStatus.ACTIVE.name());
            }
            case "AppliedCouponRemovedEvent" ->
                    application(next, payload).put("status", AppliedCouponStatus.REMOVED.name());
            case "CouponUsageRecordedEvent" -> {
                ObjectNode application = application(next, payload);
                application.set("periodsRemaining", copyOf(payload.get("periodsRemaining")));
                application.set("fixedRemaining", copyOf(payload.get("fixedRemaining")));
                application.set("lastInvoiceId", copyOf(payload.get("invoiceId")));
                if (payload.path("exhausted").asBoolean()) {
                    application.put("status", AppliedCouponStatus.EXHAUSTED.name());
                }
            }
            case "CouponDeletedEvent" -> next.put(JsonMergeStateFolder.DELETED, true);
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }

    private static ObjectNode application(ObjectNode state, JsonNode payload) {
        return state.withObjectProperty(APPLIED_COUPONS).withObjectProperty(payload.get("appliedCouponId").asText());
    }

    /** Null (a JSON null once set) for an absent field. */
    private static JsonNode copyOf(JsonNode value) {
        return value == null ? null : value.deepCopy();
    }
}
