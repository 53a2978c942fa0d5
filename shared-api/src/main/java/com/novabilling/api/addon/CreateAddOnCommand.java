package com.novabilling.api.addon;

import com.novabilling.api.money.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** {@code prices}: one amount per currency, in the order given. */
public record CreateAddOnCommand(
        @TargetAggregateIdentifier String addOnId,
        String name,
        String code,
        String description,
        String invoiceDisplayName,
        List<Money> prices,
        Map<String, Object> metadata) {
}
