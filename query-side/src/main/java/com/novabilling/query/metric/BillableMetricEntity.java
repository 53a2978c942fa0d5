package com.novabilling.query.metric;

import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

@Entity
@Table(name = "billable_metrics")
public class BillableMetricEntity extends ReadModelRow {

    private String name;
    private String code;
    private String description;
    @Enumerated(EnumType.STRING)
    private AggregationType aggregationType;
    private String fieldName;
    private boolean recurring;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<BillableMetricFilter> filters;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private BillableMetricRounding rounding;
    void set(BillableMetricDetails metric) {
        name = metric.name();
        code = metric.code();
        description = metric.description();
        aggregationType = metric.aggregationType();
        fieldName = metric.fieldName();
        recurring = Boolean.TRUE.equals(metric.recurring());
        filters = metric.filters() == null ? List.of() : metric.filters();
        rounding = metric.rounding();
    }

    public BillableMetricView toView() {
        return new BillableMetricView(id, new BillableMetricDetails(name, code, description, aggregationType, fieldName,
                recurring, filters, rounding), createdAt, updatedAt);
    }

    public BillableMetricDefinition toDefinition() {
        return new BillableMetricDefinition(code, aggregationType, fieldName, recurring, filters, rounding);
    }
}
