package com.novabilling.command.metric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * The tenant's {@code metric_lookup} table and the metrics' codes, kept in the transaction that appends each metric
 * event. Upserts and deletes only, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-billable-metric")
public class BillableMetricLookupTable implements BillableMetricLookup {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final String UPSERT = """
            INSERT INTO metric_lookup (billable_metric_id, code, definition) VALUES (?, ?, ?::jsonb)
            ON CONFLICT (billable_metric_id) DO UPDATE SET code = EXCLUDED.code, definition = EXCLUDED.definition
            """;

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public BillableMetricLookupTable(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(BillableMetricCreatedEvent event) {
        upsert(event.billableMetricId(), event.details().toDefinition());
    }

    @EventHandler
    public void on(BillableMetricUpdatedEvent event) {
        upsert(event.billableMetricId(), event.details().toDefinition());
    }

    @EventHandler
    public void on(BillableMetricDeletedEvent event) {
        codes.release(event.billableMetricId());
        jdbcTemplate.update("DELETE FROM metric_lookup WHERE billable_metric_id = ?", event.billableMetricId());
    }

    @Override
    public Optional<BillableMetricDefinition> find(String billableMetricId) {
        return jdbcTemplate.queryForList("SELECT definition::text FROM metric_lookup WHERE billable_metric_id = ?",
                        String.class, billableMetricId)
                .stream().findFirst().map(BillableMetricLookupTable::read);
    }

    private void upsert(String billableMetricId, BillableMetricDefinition definition) {
        codes.claim(CodeKind.BILLABLE_METRIC, definition.code(), billableMetricId);
        jdbcTemplate.update(UPSERT, billableMetricId, definition.code(), json(definition));
    }

    private static String json(BillableMetricDefinition definition) {
        try {
            return JSON.writeValueAsString(definition);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BillableMetricDefinition read(String json) {
        try {
            return JSON.readValue(json, BillableMetricDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metric_lookup definition: " + json, e);
        }
    }
}
