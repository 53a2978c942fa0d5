package com.novabilling.query.metric;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.FindBillableMetricQuery;
import com.novabilling.api.metric.ListBillableMetricsQuery;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The billable-metrics projection: every event, redelivery, reset and its queries, on the real read-model schema. */
class BillableMetricProjectionTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final List<BillableMetricFilter> REGIONS =
            List.of(new BillableMetricFilter("region", List.of("eu", "us")));
    private static final BillableMetricRounding TWO_DIGITS = new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, 2);
    private static final BillableMetricCreatedEvent GB = new BillableMetricCreatedEvent("bm_1", new BillableMetricDetails("Storage", "storage_gb", "GB stored", AggregationType.SUM, "gb", true, REGIONS, TWO_DIGITS));
    private static final BillableMetricUpdatedEvent GB_UPDATED = new BillableMetricUpdatedEvent("bm_1", new BillableMetricDetails("Storage max", "storage_gb", null, AggregationType.MAX, "gb", false, List.of(), null));

    private BillableMetricProjection projection;

    @BeforeEach
    void setUp() {
        projection = new BillableMetricProjection(repositories.getRepository(BillableMetricRepository.class));
        inTransaction(projection::reset);
    }

    private BillableMetricView find(String id) {
        return projection.handle(new FindBillableMetricQuery(id));
    }

    private static BillableMetricCreatedEvent metric(String id, String name, String code, AggregationType type) {
        return new BillableMetricCreatedEvent(id, new BillableMetricDetails(name, code, null, type, type == AggregationType.COUNT ? null : "v", false, List.of(), null));
    }

    private List<String> ids(String search, AggregationType type) {
        return projection.handle(new ListBillableMetricsQuery(1, 20, search, type)).data().stream()
                .map(BillableMetricView::id).toList();
    }

    @Test
    void createdEventStoresEveryFieldAtTheEventTime() {
        inTransaction(() -> projection.on(GB, T0));

        assertThat(find("bm_1")).isEqualTo(new BillableMetricView("bm_1", new BillableMetricDetails("Storage", "storage_gb", "GB stored", AggregationType.SUM, "gb", true, REGIONS, TWO_DIGITS), T0, T0));
    }

    @Test
    void theRowGivesRatingTheMetricsDefinition() {
        inTransaction(() -> projection.on(GB, T0));

        BillableMetricEntity row = repositories.getRepository(BillableMetricRepository.class).findById("bm_1")
                .orElseThrow();
        assertThat(row.toDefinition()).isEqualTo(new BillableMetricDefinition("storage_gb", AggregationType.SUM, "gb",
                true, REGIONS, TWO_DIGITS));
    }

    @Test
    void updatedEventOverwritesEveryFieldAndKeepsCreationTime() {
        inTransaction(() -> projection.on(GB, T0));

        inTransaction(() -> projection.on(GB_UPDATED, T1));

        assertThat(find("bm_1")).isEqualTo(new BillableMetricView("bm_1", new BillableMetricDetails("Storage max", "storage_gb", null, AggregationType.MAX, "gb", false, List.of(), null), T0, T1));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        inTransaction(() -> projection.on(GB, T0));
        BillableMetricView created = find("bm_1");
        inTransaction(() -> projection.on(GB, T0));
        assertThat(find("bm_1")).isEqualTo(created);

        inTransaction(() -> projection.on(GB_UPDATED, T1));
        BillableMetricView updated = find("bm_1");
        inTransaction(() -> projection.on(GB_UPDATED, T1));
        assertThat(find("bm_1")).isEqualTo(updated);

        assertThat(ids(null, null)).containsExactly("bm_1");
    }

    @Test
    void updateOfAMetricNotInTheReadModelFailsLoudly() {
        assertThatThrownBy(() -> projection.on(GB_UPDATED, T1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Billable metric bm_1 changed but is not in the read model");
    }

    @Test
    void deletedEventRemovesTheMetricAndMayBeRedelivered() {
        inTransaction(() -> projection.on(GB, T0));

        inTransaction(() -> projection.on(new BillableMetricDeletedEvent("bm_1", "storage_gb")));
        inTransaction(() -> projection.on(new BillableMetricDeletedEvent("bm_1", "storage_gb")));

        assertThatThrownBy(() -> find("bm_1")).isInstanceOf(NotFoundException.class)
                .hasMessage("Billable metric with id 'bm_1' not found");
    }

    @Test
    void resetEmptiesTheReadModel() {
        inTransaction(() -> projection.on(GB, T0));

        inTransaction(projection::reset);

        assertThat(ids(null, null)).isEmpty();
    }

    @Test
    void listsNewestFirstFilteredByTypeAndSearchAndPaged() {
        inTransaction(() -> projection.on(metric("bm_1", "API calls", "api_calls", AggregationType.COUNT), T0));
        inTransaction(() -> projection.on(metric("bm_2", "Storage", "storage_gb", AggregationType.SUM),
                T0.plusSeconds(1)));
        inTransaction(() -> projection.on(metric("bm_3", "Seats", "seats_100%", AggregationType.MAX),
                T0.plusSeconds(2)));
        inTransaction(() -> projection.on(metric("bm_4", "Bandwidth", "bandwidth", AggregationType.SUM),
                T0.plusSeconds(3)));

        assertThat(ids(null, null)).containsExactly("bm_4", "bm_3", "bm_2", "bm_1");
        assertThat(ids(null, AggregationType.SUM)).containsExactly("bm_4", "bm_2");
        assertThat(ids("API", null)).containsExactly("bm_1");
        assertThat(ids("0%", null)).containsExactly("bm_3");
        assertThat(ids("a_e", null)).isEmpty();
        assertThat(ids("e_g", null)).containsExactly("bm_2");
        assertThat(ids("storage", AggregationType.MAX)).isEmpty();

        PageResult<BillableMetricView> second = projection.handle(new ListBillableMetricsQuery(2, 3, null, null));
        assertThat(second.data()).extracting(BillableMetricView::id).containsExactly("bm_1");
        assertThat(second.meta()).isEqualTo(new PageMeta(4, 2, 3, 2));
    }
}
