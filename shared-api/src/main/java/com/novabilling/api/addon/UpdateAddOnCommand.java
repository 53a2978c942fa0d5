package com.novabilling.api.addon;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/**
 * Partial update: a null component leaves that field unchanged; a present {@code prices} replaces the whole price
 * list and a present {@code metadata} the whole metadata object.
 */
public record UpdateAddOnCommand(
        @TargetAggregateIdentifier String addOnId,
        String name,
        String code,
        String description,
        String invoiceDisplayName,
        List<Money> prices,
        Map<String, Object> metadata) {
}
