package com.novabilling.api.addon;

import java.time.Instant;
import java.util.List;
import java.util.Map;

public record AddOnView(
        String id,
        String name,
        String code,
        String description,
        String invoiceDisplayName,
        List<AddOnPriceView> prices,
        Map<String, Object> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
