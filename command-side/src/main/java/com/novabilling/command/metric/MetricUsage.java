package com.novabilling.command.metric;

import java.util.Map;
import java.util.Set;

/**
 * What depends on a billable metric's definition. Implemented by the charge feature (a Spring bean): a metric whose
 * charges would price differently after a change refuses that change.
 */
public interface MetricUsage {

    /** Number of charges that price the metric. */
    long chargesUsing(String billableMetricId);

    /** The filter values (key → values) that charge filters of the metric's charges use. */
    Map<String, Set<String>> filterValuesInUse(String billableMetricId);
}
