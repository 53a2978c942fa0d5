package com.novabilling.command.usage;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;

/**
 * One usage event as sent (the seed's body). Checked by {@link UsageEventIngestion}, not by bean validation: a batch
 * names each bad item instead of refusing the whole request.
 */
@Schema(description = "A usage event of a subscription for a billable metric. transactionId is the idempotency key, "
        + "unique in the tenant forever: sent again with the same payload it answers the event first recorded.")
public record UsageEventRequest(
        @Schema(description = "Idempotency key chosen by the client, 1-255 characters", example = "txn_0001",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255)
        String transactionId,
        @Schema(description = "The subscription the usage belongs to", example = "sub_0123456789abcdef01234567",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String subscriptionId,
        @Schema(description = "Code of a billable metric of the tenant", example = "api_calls",
                requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 255)
        String code,
        @Schema(description = "When the usage happened (ISO-8601 with offset); default: when received. At most "
                + "5 minutes ahead of the server's time, not before the subscription started, not inside a pause, "
                + "not after the subscription ended. Earlier than the open period: accepted and flagged late.",
                example = "2026-03-01T10:00:00Z")
        Instant timestamp,
        @Schema(description = "Event properties: text or number values (at most 50). The metric's field, when "
                + "present, must be a number.", example = "{\"bytes\": 512, \"region\": \"eu\"}")
        Map<String, Object> properties) {
}
