package com.novabilling.command.metric;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.metric.CreateBillableMetricCommand;
import com.novabilling.api.metric.DeleteBillableMetricCommand;
import com.novabilling.api.metric.UpdateBillableMetricCommand;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.rating.ChargeDefinitions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

@Aggregate
public class BillableMetric {

    @AggregateIdentifier
    private String billableMetricId;
    private BillableMetricDetails details;

    protected BillableMetric() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public BillableMetric(CreateBillableMetricCommand command, ResourceCodes codes) {
        requireValid(ChargeDefinitions.validate(command.details().toDefinition()));
        BillableMetricDetails created = command.details().normalized();
        codes.requireAvailable(CodeKind.BILLABLE_METRIC, created.code(), null);
        apply(new BillableMetricCreatedEvent(command.billableMetricId(), created));
    }

    @CommandHandler
    public void handle(UpdateBillableMetricCommand command, ResourceCodes codes, MetricUsage usage) {
        BillableMetricDetails merged = details.with(command.changes());
        requireValid(ChargeDefinitions.validate(merged.toDefinition()));
        BillableMetricDetails updated = merged.normalized();
        if (updated.equals(details)) {
            return;
        }
        if (!updated.code().equals(details.code())) {
            codes.requireAvailable(CodeKind.BILLABLE_METRIC, updated.code(), billableMetricId);
        }
        requireUnchangedPricingWhileUsed(updated, usage);
        apply(new BillableMetricUpdatedEvent(billableMetricId, updated));
    }

    @CommandHandler
    public void handle(DeleteBillableMetricCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.BILLABLE_METRIC, billableMetricId);
        apply(new BillableMetricDeletedEvent(billableMetricId, details.code()));
    }

    @EventSourcingHandler
    void on(BillableMetricCreatedEvent event) {
        billableMetricId = event.billableMetricId();
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(BillableMetricUpdatedEvent event) {
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(BillableMetricDeletedEvent event) {
        markDeleted();
    }

    /**
     * Charges keep their pricing: while any charge uses the metric, what decides which events count and how
     * (code, type, field, recurring, the filter values charge filters use) is fixed; names and rounding may change.
     */
    private void requireUnchangedPricingWhileUsed(BillableMetricDetails updated, MetricUsage usage) {
        String changed = !updated.code().equals(details.code()) ? "code"
                : updated.aggregationType() != details.aggregationType() ? "aggregationType"
                : !Objects.equals(updated.fieldName(), details.fieldName()) ? "fieldName"
                : !updated.recurring().equals(details.recurring()) ? "recurring"
                : null;
        Map<String, Set<String>> inUse = usage.filterValuesInUse(billableMetricId);
        String removedValue = removedFilterValue(updated.filters(), inUse);
        if (changed == null && removedValue == null) {
            return;
        }
        long charges = usage.chargesUsing(billableMetricId);
        if (charges == 0) {
            return;
        }
        String usedBy = charges + (charges == 1 ? " charge uses" : " charges use") + " this billable metric";
        if (changed != null) {
            throw new ConflictException(changed, changed + " cannot change while " + usedBy);
        }
        throw new ConflictException("filters", removedValue + " cannot be removed: a charge filter uses it ("
                + usedBy + ")");
    }

    private static String removedFilterValue(List<BillableMetricFilter> newFilters, Map<String, Set<String>> inUse) {
        for (Map.Entry<String, Set<String>> used : inUse.entrySet()) {
            List<String> declared = newFilters.stream()
                    .filter(filter -> filter.key().equals(used.getKey()))
                    .findFirst().map(BillableMetricFilter::values).orElse(null);
            if (declared == null) {
                return "filter key '" + used.getKey() + "'";
            }
            for (String value : used.getValue()) {
                if (!declared.contains(value)) {
                    return "value '" + value + "' of filter key '" + used.getKey() + "'";
                }
            }
        }
        return null;
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
