package com.novabilling.api.charge;

import java.time.Instant;
import java.util.Map;

/** A usage event sent to an estimate; nothing is stored. Property values are strings or numbers. */
public record EstimateEvent(String transactionId, Instant timestamp, Map<String, Object> properties) {
}
