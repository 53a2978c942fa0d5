package com.novabilling.command.subscription;

import com.novabilling.api.subscription.UpdateSubscriptionMetadataCommand;
import com.novabilling.command.validation.BoundedMetadata;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.Map;
import java.util.Optional;

/** Only the metadata of a subscription is updated directly; everything else changes through its own route. */
public record UpdateSubscriptionRequest(
        @BoundedMetadata @Schema(description = "Replaces the metadata; absent changes nothing")
        Map<String, Object> metadata) {

    public static final UpdateSubscriptionRequest NO_CHANGES = new UpdateSubscriptionRequest(null);

    public Optional<UpdateSubscriptionMetadataCommand> toCommand(String subscriptionId) {
        return Optional.ofNullable(metadata).map(given -> new UpdateSubscriptionMetadataCommand(subscriptionId, given));
    }
}
