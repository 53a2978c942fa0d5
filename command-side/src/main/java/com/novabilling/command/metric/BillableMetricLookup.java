package com.novabilling.command.metric;

import com.novabilling.api.metric.BillableMetricDefinition;

import java.util.Optional;

/**
 * Reads {@link BillableMetricLookupTable}, kept in the transaction of each metric event: charges need the definition
 * of their metric when they are created or changed.
 */
public interface BillableMetricLookup {

    /** The metric's definition, if the metric exists (and is not deleted) in the current tenant. */
    Optional<BillableMetricDefinition> find(String billableMetricId);
}
