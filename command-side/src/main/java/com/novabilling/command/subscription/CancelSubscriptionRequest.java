package com.novabilling.command.subscription;

import com.novabilling.api.error.ValidationException;
import com.novabilling.api.subscription.CancelSubscriptionCommand;
import com.novabilling.api.subscription.CancelTiming;
import io.swagger.v3.oas.annotations.media.Schema;

/** The seed's {@code {cancelAt: "now" | "period_end"}} or the SDK's {@code {cancelAtPeriodEnd: true | false}}. */
public record CancelSubscriptionRequest(
        @Schema(description = "NOW (default) ends the subscription at once; PERIOD_END at the end of the current "
                + "period. Any letter case") CancelTiming cancelAt,
        @Schema(description = "The SDK's form: true is cancelAt PERIOD_END, false NOW; when both are given they "
                + "must agree") Boolean cancelAtPeriodEnd) {

    public static final CancelSubscriptionRequest NOW = new CancelSubscriptionRequest(null, null);

    public CancelSubscriptionCommand toCommand(String subscriptionId) {
        CancelTiming byFlag = cancelAtPeriodEnd == null ? null
                : cancelAtPeriodEnd ? CancelTiming.PERIOD_END : CancelTiming.NOW;
        if (cancelAt != null && byFlag != null && cancelAt != byFlag) {
            throw new ValidationException("cancelAtPeriodEnd", "contradicts cancelAt " + cancelAt
                    + "; give one of them");
        }
        CancelTiming timing = cancelAt != null ? cancelAt : byFlag != null ? byFlag : CancelTiming.NOW;
        return new CancelSubscriptionCommand(subscriptionId, timing);
    }
}
