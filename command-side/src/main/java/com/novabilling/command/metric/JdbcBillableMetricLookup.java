package com.novabilling.command.metric;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.metric.BillableMetricDefinition;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

@Component
public class JdbcBillableMetricLookup implements BillableMetricLookup {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbcTemplate;

    public JdbcBillableMetricLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public Optional<BillableMetricDefinition> find(String billableMetricId) {
        return jdbcTemplate.queryForList("SELECT definition::text FROM metric_lookup WHERE billable_metric_id = ?",
                        String.class, billableMetricId)
                .stream().findFirst().map(JdbcBillableMetricLookup::read);
    }

    private static BillableMetricDefinition read(String json) {
        try {
            return JSON.readValue(json, BillableMetricDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable metric_lookup definition: " + json, e);
        }
    }
}
