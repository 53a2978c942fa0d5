package com.novabilling.api.metric;

import java.util.List;

import static com.novabilling.api.patch.Patch.or;

/**
 * Everything a billable metric is apart from its id: what its events carry whole, its aggregate decides on and its
 * view shows. In an {@link UpdateBillableMetricCommand} a null component means "unchanged" and a present
 * {@code filters} replaces the filters whole.
 *
 * @param fieldName the event property aggregated; may be null for COUNT
 * @param rounding  null for none
 */
public record BillableMetricDetails(String name, String code, String description, AggregationType aggregationType,
                                    String fieldName, Boolean recurring, List<BillableMetricFilter> filters,
                                    BillableMetricRounding rounding) {

    /** What the metric contributes to rating. */
    public BillableMetricDefinition toDefinition() {
        return new BillableMetricDefinition(code, aggregationType, fieldName, Boolean.TRUE.equals(recurring), filters,
                rounding);
    }

    /** As stored: recurring false when absent, filters copied (none when absent), rounding to whole units without digits. */
    public BillableMetricDetails normalized() {
        return new BillableMetricDetails(name, code, description, aggregationType, fieldName,
                Boolean.TRUE.equals(recurring), filters == null ? List.of() : filters.stream()
                .map(filter -> new BillableMetricFilter(filter.key(), List.copyOf(filter.values()))).toList(),
                rounding == null || rounding.digits() != null ? rounding
                        : new BillableMetricRounding(rounding.mode(), 0));
    }

    /** These details with every non-null component of {@code changes} in place of this one's. */
    public BillableMetricDetails with(BillableMetricDetails changes) {
        return new BillableMetricDetails(or(changes.name, name), or(changes.code, code),
                or(changes.description, description), or(changes.aggregationType, aggregationType),
                or(changes.fieldName, fieldName), or(changes.recurring, recurring), or(changes.filters, filters),
                or(changes.rounding, rounding));
    }
}
