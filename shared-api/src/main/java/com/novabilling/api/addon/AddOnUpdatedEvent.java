package com.novabilling.api.addon;

import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Map;

/**
 * The add-on's complete state after the update, prices included, so that every consumer (aggregate, lookup table,
 * read model) can simply overwrite what it holds.
 */
public record AddOnUpdatedEvent(
        String addOnId,
        String name,
        String code,
        String description,
        String invoiceDisplayName,
        List<Money> prices,
        Map<String, Object> metadata) {
}
