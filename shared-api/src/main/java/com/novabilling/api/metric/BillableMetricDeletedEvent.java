package com.novabilling.api.metric;

public record BillableMetricDeletedEvent(String billableMetricId, String code) {
}
