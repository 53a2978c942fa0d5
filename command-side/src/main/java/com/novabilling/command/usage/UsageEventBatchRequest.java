package com.novabilling.command.usage;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

@Schema(description = "Up to novabilling.limits.max-batch-events (default 1,000) usage events, each checked on its "
        + "own: the valid ones are stored, the invalid ones named in the answer.")
public record UsageEventBatchRequest(
        @ArraySchema(schema = @Schema(implementation = UsageEventRequest.class), maxItems = 1000)
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
        List<UsageEventRequest> events) {
}
