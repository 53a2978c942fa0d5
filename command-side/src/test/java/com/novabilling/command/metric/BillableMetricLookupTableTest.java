package com.novabilling.command.metric;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The metric lookup table's event handlers and queries on the real tenant migrations (no Spring). */
class BillableMetricLookupTableTest extends TenantSchemaTest {

    private static final List<BillableMetricFilter> REGIONS =
            List.of(new BillableMetricFilter("region", List.of("us-east", "eu")));

    private final ResourceCodes codes = new JdbcResourceCodes(jdbcTemplate);
    private final BillableMetricLookupTable lookup = new BillableMetricLookupTable(jdbcTemplate, codes);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE metric_lookup, resource_codes");
    }

    private static BillableMetricCreatedEvent created(String id, String code) {
        return new BillableMetricCreatedEvent(id, new BillableMetricDetails("Name", code, null, AggregationType.SUM, "gb", true, REGIONS, new BillableMetricRounding(BillableMetricRounding.Mode.ROUND, 2)));
    }

    @Test
    void createdMetricIsFoundWithItsWholeDefinitionAndHoldsItsCode() {
        lookup.on(created("bm_a", "storage"));

        assertThat(lookup.find("bm_a")).contains(new BillableMetricDefinition("storage", AggregationType.SUM, "gb",
                true, REGIONS, new BillableMetricRounding(BillableMetricRounding.Mode.ROUND, 2)));
        assertThat(lookup.find("bm_missing")).isEmpty();
        assertThat(codes.taken(CodeKind.BILLABLE_METRIC, "storage", null)).isTrue();
        assertThat(codes.taken(CodeKind.PLAN, "storage", null)).as("codes are unique per kind").isFalse();
    }

    @Test
    void duplicateCodePastThePreCheckIsAConflictOnCode() {
        lookup.on(created("bm_a", "storage"));

        assertThatThrownBy(() -> lookup.on(created("bm_b", "storage")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void updateReplacesTheDefinitionAndMovesTheCode() {
        lookup.on(created("bm_a", "storage"));
        lookup.on(created("bm_a", "storage"));

        lookup.on(new BillableMetricUpdatedEvent("bm_a", new BillableMetricDetails("Name", "disk", null, AggregationType.MAX, "gb", false, List.of(), null)));

        assertThat(lookup.find("bm_a").orElseThrow().aggregationType()).isEqualTo(AggregationType.MAX);
        assertThat(lookup.find("bm_a").orElseThrow().filters()).isEmpty();
        assertThat(codes.taken(CodeKind.BILLABLE_METRIC, "storage", null)).isFalse();
        assertThat(codes.taken(CodeKind.BILLABLE_METRIC, "disk", null)).isTrue();
        assertThat(jdbcTemplate.queryForObject("SELECT count(*) FROM metric_lookup", Long.class)).isEqualTo(1);
    }

    @Test
    void deletionForgetsTheMetricAndFreesItsCode() {
        lookup.on(created("bm_a", "storage"));

        lookup.on(new BillableMetricDeletedEvent("bm_a", "storage"));

        assertThat(lookup.find("bm_a")).isEmpty();
        assertThat(codes.taken(CodeKind.BILLABLE_METRIC, "storage", null)).isFalse();
    }
}
