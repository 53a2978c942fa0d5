package com.novabilling.query.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The charges projection: every event, redelivery, reset and its queries, on the real read-model schema. */
class ChargeProjectionTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final List<ChargeRange> TIERS = List.of(
            new ChargeRange(BigDecimal.ZERO, new BigDecimal("1000"), new BigDecimal("0.0125"), BigDecimal.ZERO),
            new ChargeRange(new BigDecimal("1001"), null, new BigDecimal("0.01"), new BigDecimal("5")));
    private static final List<ChargeFilterPricing> EU_ONLY = List.of(new ChargeFilterPricing(
            Map.of("region", List.of("eu")), null, List.of(new ChargeRange(BigDecimal.ZERO, null,
            new BigDecimal("0.02"), null)), null));
    private static final ChargeCreatedEvent GRADUATED = new ChargeCreatedEvent("chg_1", new ChargeDetails("pln_1",
            "bm_1", CurrencyCode.USD, BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.GRADUATED, null, TIERS,
            null, EU_ONLY)));
    private static final ChargeUpdatedEvent TO_STANDARD = new ChargeUpdatedEvent("chg_1", new ChargeDetails("pln_1",
            "bm_1", CurrencyCode.USD, BillingTiming.IN_ADVANCE, new ChargePricing(ChargeModel.STANDARD,
            new ChargeProperties(new BigDecimal("0.50"), null, null, null, null, null, null, null, null), null, null,
            null)));

    private ChargeProjection projection;

    @BeforeEach
    void setUp() {
        projection = new ChargeProjection(repositories.getRepository(ChargeRepository.class));
        inTransaction(projection::reset);
    }

    private ChargeView find(String id) {
        return projection.handle(new FindChargeQuery(id));
    }

    private static ChargeCreatedEvent standard(String id, String planId, String metricId) {
        return new ChargeCreatedEvent(id, new ChargeDetails(planId, metricId, CurrencyCode.USD,
                BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.STANDARD, new ChargeProperties(BigDecimal.ONE,
                null, null, null, null, null, null, null, null), null, null, List.of())));
    }

    private List<String> ids(String planId, String metricId) {
        return projection.handle(new ListChargesQuery(1, 20, planId, metricId)).data().stream()
                .map(ChargeView::id).toList();
    }

    @Test
    void createdEventStoresEveryFieldAtTheEventTime() {
        inTransaction(() -> projection.on(GRADUATED, T0));

        assertThat(find("chg_1")).isEqualTo(new ChargeView("chg_1", "pln_1", "bm_1", ChargeModel.GRADUATED,
                BillingTiming.IN_ARREARS, "USD", null, TIERS, null, EU_ONLY, T0, T0));
    }

    @Test
    void theRowGivesRatingItsPricingAndCurrency() {
        inTransaction(() -> projection.on(GRADUATED, T0));

        ChargeEntity row = repositories.getRepository(ChargeRepository.class).findById("chg_1").orElseThrow();
        assertThat(row.details()).isEqualTo(new ChargeDetails("pln_1", "bm_1", CurrencyCode.USD,
                BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.GRADUATED, null, TIERS, null, EU_ONLY)));
    }

    @Test
    void updatedEventReplacesTimingAndPricingKeepsCreationTimeAndMissingFiltersReadAsNone() {
        inTransaction(() -> projection.on(GRADUATED, T0));

        inTransaction(() -> projection.on(TO_STANDARD, T1));

        assertThat(find("chg_1")).isEqualTo(new ChargeView("chg_1", "pln_1", "bm_1", ChargeModel.STANDARD,
                BillingTiming.IN_ADVANCE, "USD", new ChargeProperties(new BigDecimal("0.50"), null, null, null, null,
                        null, null, null, null), null, null,
                List.of(), T0, T1));
    }

    @Test
    void redeliveredEventsChangeNothing() {
        inTransaction(() -> projection.on(GRADUATED, T0));
        ChargeView created = find("chg_1");
        inTransaction(() -> projection.on(GRADUATED, T0));
        assertThat(find("chg_1")).isEqualTo(created);

        inTransaction(() -> projection.on(TO_STANDARD, T1));
        ChargeView updated = find("chg_1");
        inTransaction(() -> projection.on(TO_STANDARD, T1));
        assertThat(find("chg_1")).isEqualTo(updated);

        assertThat(ids(null, null)).containsExactly("chg_1");
    }

    @Test
    void updateOfAChargeNotInTheReadModelFailsLoudly() {
        assertThatThrownBy(() -> projection.on(TO_STANDARD, T1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Charge chg_1 changed but is not in the read model");
    }

    @Test
    void deletedEventRemovesTheChargeAndMayBeRedelivered() {
        inTransaction(() -> projection.on(GRADUATED, T0));
        ChargeDeletedEvent deleted = new ChargeDeletedEvent("chg_1", "pln_1", "bm_1", CurrencyCode.USD);

        inTransaction(() -> projection.on(deleted));
        inTransaction(() -> projection.on(deleted));

        assertThatThrownBy(() -> find("chg_1")).isInstanceOf(NotFoundException.class)
                .hasMessage("Charge with id 'chg_1' not found");
    }

    @Test
    void resetEmptiesTheReadModel() {
        inTransaction(() -> projection.on(GRADUATED, T0));

        inTransaction(projection::reset);

        assertThat(ids(null, null)).isEmpty();
    }

    @Test
    void listsOldestFirstByPlanAndMetricAndPaged() {
        inTransaction(() -> projection.on(standard("chg_3", "pln_1", "bm_1"), T0));
        inTransaction(() -> projection.on(standard("chg_1", "pln_1", "bm_2"), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(standard("chg_2", "pln_2", "bm_1"), T0.plusSeconds(2)));
        inTransaction(() -> projection.on(standard("chg_4", "pln_2", "bm_2"), T0.plusSeconds(2)));

        assertThat(ids(null, null)).containsExactly("chg_3", "chg_1", "chg_2", "chg_4");
        assertThat(ids("pln_1", null)).containsExactly("chg_3", "chg_1");
        assertThat(ids(null, "bm_1")).containsExactly("chg_3", "chg_2");
        assertThat(ids("pln_2", "bm_2")).containsExactly("chg_4");
        assertThat(ids("pln_3", null)).isEmpty();

        PageResult<ChargeView> second = projection.handle(new ListChargesQuery(2, 3, null, null));
        assertThat(second.data()).extracting(ChargeView::id).containsExactly("chg_4");
        assertThat(second.meta()).isEqualTo(new PageMeta(4, 2, 3, 2));
    }
}
