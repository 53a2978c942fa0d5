package com.novabilling.command.metric;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
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
    private String name;
    private String code;
    private String description;
    private AggregationType aggregationType;
    private String fieldName;
    private boolean recurring;
    private List<BillableMetricFilter> filters;
    private BillableMetricRounding rounding;

    protected BillableMetric() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public BillableMetric(CreateBillableMetricCommand command, ResourceCodes codes) {
        BillableMetricCreatedEvent created = new BillableMetricCreatedEvent(command.billableMetricId(), command.name(),
                command.code(), command.description(), command.aggregationType(), command.fieldName(),
                Boolean.TRUE.equals(command.recurring()), command.filters() == null ? List.of() : command.filters(),
                command.rounding());
        requireValid(ChargeDefinitions.validate(created.toDefinition()));
        codes.requireAvailable(CodeKind.BILLABLE_METRIC, command.code(), null);
        apply(new BillableMetricCreatedEvent(created.billableMetricId(), created.name(), created.code(),
                created.description(), created.aggregationType(), created.fieldName(), created.recurring(),
                copyOf(created.filters()), withDigits(created.rounding())));
    }

    @CommandHandler
    public void handle(UpdateBillableMetricCommand command, ResourceCodes codes, MetricUsage usage) {
        BillableMetricUpdatedEvent updated = new BillableMetricUpdatedEvent(
                billableMetricId,
                command.name() != null ? command.name() : name,
                command.code() != null ? command.code() : code,
                command.description() != null ? command.description() : description,
                command.aggregationType() != null ? command.aggregationType() : aggregationType,
                command.fieldName() != null ? command.fieldName() : fieldName,
                command.recurring() != null ? command.recurring() : recurring,
                command.filters() != null ? command.filters() : filters,
                command.rounding() != null ? command.rounding() : rounding);
        requireValid(ChargeDefinitions.validate(updated.toDefinition()));
        updated = new BillableMetricUpdatedEvent(billableMetricId, updated.name(), updated.code(),
                updated.description(), updated.aggregationType(), updated.fieldName(), updated.recurring(),
                copyOf(updated.filters()), withDigits(updated.rounding()));
        if (updated.equals(currentState())) {
            return;
        }
        if (!updated.code().equals(code)) {
            codes.requireAvailable(CodeKind.BILLABLE_METRIC, updated.code(), billableMetricId);
        }
        requireUnchangedPricingWhileUsed(updated, usage);
        apply(updated);
    }

    @CommandHandler
    public void handle(DeleteBillableMetricCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.BILLABLE_METRIC, billableMetricId);
        apply(new BillableMetricDeletedEvent(billableMetricId, code));
    }

    @EventSourcingHandler
    void on(BillableMetricCreatedEvent event) {
        billableMetricId = event.billableMetricId();
        name = event.name();
        code = event.code();
        description = event.description();
        aggregationType = event.aggregationType();
        fieldName = event.fieldName();
        recurring = event.recurring();
        filters = event.filters();
        rounding = event.rounding();
    }

    @EventSourcingHandler
    void on(BillableMetricUpdatedEvent event) {
        name = event.name();
        code = event.code();
        description = event.description();
        aggregationType = event.aggregationType();
        fieldName = event.fieldName();
        recurring = event.recurring();
        filters = event.filters();
        rounding = event.rounding();
    }

    @EventSourcingHandler
    void on(BillableMetricDeletedEvent event) {
        markDeleted();
    }

    private BillableMetricUpdatedEvent currentState() {
        return new BillableMetricUpdatedEvent(billableMetricId, name, code, description, aggregationType, fieldName,
                recurring, filters, rounding);
    }

    /**
     * Charges keep their pricing: while any charge uses the metric, what decides which events count and how
     * (code, type, field, recurring, the filter values charge filters use) is fixed; names and rounding may change.
     */
    private void requireUnchangedPricingWhileUsed(BillableMetricUpdatedEvent updated, MetricUsage usage) {
        String changed = !updated.code().equals(code) ? "code"
                : updated.aggregationType() != aggregationType ? "aggregationType"
                : !Objects.equals(updated.fieldName(), fieldName) ? "fieldName"
                : updated.recurring() != recurring ? "recurring"
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

    private static List<BillableMetricFilter> copyOf(List<BillableMetricFilter> filters) {
        return filters.stream().map(filter -> new BillableMetricFilter(filter.key(), List.copyOf(filter.values())))
                .toList();
    }

    /** Rounding without digits rounds to whole units. */
    private static BillableMetricRounding withDigits(BillableMetricRounding rounding) {
        if (rounding == null || rounding.digits() != null) {
            return rounding;
        }
        return new BillableMetricRounding(rounding.mode(), 0);
    }

    private static void requireValid(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
