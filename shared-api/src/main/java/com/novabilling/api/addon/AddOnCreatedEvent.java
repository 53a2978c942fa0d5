package com.novabilling.api.addon;

import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Map;

/** {@code prices} holds one amount per currency; {@code metadata} is never null. */
public record AddOnCreatedEvent(
        String addOnId,
        String name,
        String code,
        String description,
        String invoiceDisplayName,
        List<Money> prices,
        Map<String, Object> metadata) {
}
