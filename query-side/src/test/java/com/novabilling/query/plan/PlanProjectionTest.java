package com.novabilling.query.plan;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.ListPlansQuery;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanPriceView;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.api.plan.PlanView;
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

/** The plans projection: every event, redelivery, reset and its queries, on the real read-model schema. */
class PlanProjectionTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Money USD_49_99 = Money.ofMinor(4999, CurrencyCode.USD);
    private static final Money UGX_50000 = Money.ofMinor(50_000, CurrencyCode.UGX);
    private static final PlanCreatedEvent PRO = new PlanCreatedEvent("pln_1", new PlanDetails("Pro", "PRO", "for teams",
            BillingInterval.MONTHLY, List.of("sso", "api"), 14, BillingTiming.IN_ADVANCE, null, null, true,
            Map.of("tier", "2")), List.of(new PlanPrice("prc_usd", USD_49_99), new PlanPrice("prc_ugx", UGX_50000)));

    private PlanProjection projection;

    @BeforeEach
    void setUp() {
        projection = new PlanProjection(repositories.getRepository(PlanRepository.class));
        inTransaction(projection::reset);
    }

    private PlanView find(String id) {
        return projection.handle(new FindPlanQuery(id));
    }

    private static PlanCreatedEvent plan(String id, String name, String code, boolean active) {
        return new PlanCreatedEvent(id, new PlanDetails(name, code, null, BillingInterval.MONTHLY, null, 0,
                BillingTiming.IN_ADVANCE, null, null, active, null), List.of());
    }

    private List<String> ids(Boolean active, String search, int page, int limit) {
        return projection.handle(new ListPlansQuery(page, limit, active, search)).data().stream()
                .map(PlanView::id).toList();
    }

    @Test
    void createdEventStoresEveryFieldAndPricesInMajorUnitsAtTheEventTime() {
        inTransaction(() -> projection.on(PRO, T0));

        assertThat(find("pln_1")).isEqualTo(new PlanView("pln_1", new PlanDetails("Pro", "PRO", "for teams",
                BillingInterval.MONTHLY, List.of("sso", "api"), 14, BillingTiming.IN_ADVANCE, null, null, true,
                Map.of("tier", "2")), List.of(new PlanPriceView("prc_usd", "USD", new BigDecimal("49.99")),
                new PlanPriceView("prc_ugx", "UGX", new BigDecimal("50000"))), T0, T0));
    }

    @Test
    void absentFeaturesAndMetadataReadAsEmpty() {
        inTransaction(() -> projection.on(plan("pln_1", "Basic", "BASIC", false), T0));

        PlanView basic = find("pln_1");
        assertThat(basic.details().features()).isEmpty();
        assertThat(basic.details().metadata()).isEmpty();
        assertThat(basic.prices()).isEmpty();
    }

    @Test
    void updatedEventOverwritesDetailsKeepsPricesAndCreationTime() {
        inTransaction(() -> projection.on(PRO, T0));

        inTransaction(() -> projection.on(new PlanUpdatedEvent("pln_1", new PlanDetails("Pro+", "PRO", null,
                BillingInterval.YEARLY, List.of("sso"), 0, BillingTiming.IN_ARREARS, 30, 5, false, Map.of())), T1));

        PlanView updated = find("pln_1");
        assertThat(updated).isEqualTo(new PlanView("pln_1", new PlanDetails("Pro+", "PRO", null, BillingInterval.YEARLY,
                List.of("sso"), 0, BillingTiming.IN_ARREARS, 30, 5, false, Map.of()), updated.prices(), T0, T1));
        assertThat(updated.prices()).extracting(PlanPriceView::id).containsExactly("prc_usd", "prc_ugx");
    }

    @Test
    void priceEventsAddReplaceAndRemoveOnePriceAndMarkThePlanUpdated() {
        inTransaction(() -> projection.on(plan("pln_1", "Pro", "PRO", true), T0));

        inTransaction(() -> projection.on(new PlanPriceAddedEvent("pln_1", "prc_usd", USD_49_99), T1));
        inTransaction(() -> projection.on(new PlanPriceAddedEvent("pln_1", "prc_ugx", UGX_50000), T1));
        assertThat(find("pln_1").prices()).containsExactly(
                new PlanPriceView("prc_usd", "USD", new BigDecimal("49.99")),
                new PlanPriceView("prc_ugx", "UGX", new BigDecimal("50000")));

        inTransaction(() -> projection.on(new PlanPriceUpdatedEvent("pln_1", "prc_usd",
                Money.ofMinor(5900, CurrencyCode.USD)), T2));
        assertThat(find("pln_1").prices()).containsExactly(
                new PlanPriceView("prc_usd", "USD", new BigDecimal("59.00")),
                new PlanPriceView("prc_ugx", "UGX", new BigDecimal("50000")));

        inTransaction(() -> projection.on(new PlanPriceRemovedEvent("pln_1", "prc_usd", CurrencyCode.USD), T2));
        PlanView plan = find("pln_1");
        assertThat(plan.prices()).containsExactly(new PlanPriceView("prc_ugx", "UGX", new BigDecimal("50000")));
        assertThat(plan.createdAt()).isEqualTo(T0);
        assertThat(plan.updatedAt()).isEqualTo(T2);
    }

    @Test
    void everyRedeliveredEventChangesNothing() {
        PlanPriceAddedEvent added = new PlanPriceAddedEvent("pln_1", "prc_eur", Money.ofMinor(1000, CurrencyCode.EUR));
        PlanPriceUpdatedEvent updated = new PlanPriceUpdatedEvent("pln_1", "prc_usd",
                Money.ofMinor(5900, CurrencyCode.USD));
        PlanPriceRemovedEvent removed = new PlanPriceRemovedEvent("pln_1", "prc_ugx", CurrencyCode.UGX);
        PlanUpdatedEvent details = new PlanUpdatedEvent("pln_1", new PlanDetails("Pro+", "PRO", null,
                BillingInterval.YEARLY, List.of(), 0, BillingTiming.IN_ADVANCE, null, null, true, Map.of()));
        List<Runnable> events = List.of(() -> projection.on(PRO, T0), () -> projection.on(added, T1),
                () -> projection.on(updated, T1), () -> projection.on(removed, T1), () -> projection.on(details, T2));

        for (Runnable event : events) {
            inTransaction(event);
            PlanView once = find("pln_1");
            inTransaction(event);
            assertThat(find("pln_1")).isEqualTo(once);
        }
        assertThat(find("pln_1").prices()).extracting(PlanPriceView::id).containsExactly("prc_usd", "prc_eur");
        assertThat(projection.handle(new ListPlansQuery(1, 20, null, null)).meta().total()).isEqualTo(1);
    }

    @Test
    void changesToAPlanNotInTheReadModelFailLoudly() {
        assertThatThrownBy(() -> projection.on(new PlanUpdatedEvent("pln_x", new PlanDetails("X", "X", null,
                BillingInterval.MONTHLY, List.of(), 0, BillingTiming.IN_ADVANCE, null, null, true, Map.of())), T1))
                .isInstanceOf(IllegalStateException.class).hasMessage("Plan pln_x changed but is not in the read model");
        assertThatThrownBy(() -> projection.on(new PlanPriceAddedEvent("pln_x", "prc_1", USD_49_99), T1))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletedEventRemovesThePlanAndMayBeRedelivered() {
        inTransaction(() -> projection.on(PRO, T0));

        inTransaction(() -> projection.on(new PlanDeletedEvent("pln_1", "PRO")));
        inTransaction(() -> projection.on(new PlanDeletedEvent("pln_1", "PRO")));

        assertThatThrownBy(() -> find("pln_1"))
                .isInstanceOf(NotFoundException.class).hasMessage("Plan with id 'pln_1' not found");
    }

    @Test
    void resetEmptiesTheReadModel() {
        inTransaction(() -> projection.on(PRO, T0));
        inTransaction(() -> projection.on(plan("pln_2", "Basic", "BASIC", true), T1));

        inTransaction(projection::reset);

        assertThat(projection.handle(new ListPlansQuery(1, 20, null, null)).data()).isEmpty();
    }

    @Test
    void listsNewestFirstFilteredByStateAndSearchAndPaged() {
        inTransaction(() -> projection.on(plan("pln_1", "Starter", "STARTER", true), T0));
        inTransaction(() -> projection.on(plan("pln_2", "Pro 50% off", "PRO_50", false), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(plan("pln_3", "Enterprise", "ENT", true), T0.plusSeconds(2)));
        inTransaction(() -> projection.on(plan("pln_4", "Pro 5000", "PROX50", true), T0.plusSeconds(3)));

        assertThat(ids(null, null, 1, 20)).containsExactly("pln_4", "pln_3", "pln_2", "pln_1");
        assertThat(ids(true, null, 1, 20)).containsExactly("pln_4", "pln_3", "pln_1");
        assertThat(ids(false, null, 1, 20)).containsExactly("pln_2");
        assertThat(ids(null, "sTaRt", 1, 20)).containsExactly("pln_1");
        assertThat(ids(null, "50%", 1, 20)).containsExactly("pln_2");
        assertThat(ids(null, "o_5", 1, 20)).containsExactly("pln_2");
        assertThat(ids(true, "pro", 1, 20)).containsExactly("pln_4");

        PageResult<PlanView> second = projection.handle(new ListPlansQuery(2, 3, null, null));
        assertThat(second.data()).extracting(PlanView::id).containsExactly("pln_1");
        assertThat(second.meta()).isEqualTo(new PageMeta(4, 2, 3, 2));
    }

    @Test
    void aPlanStoredBeforeBillingTermsReadsAsInAdvanceWithNoTermsOfItsOwn() {
        inTransaction(() -> projection.on(new PlanCreatedEvent("pln_1", new PlanDetails("Pro", "PRO", null,
                BillingInterval.MONTHLY, List.of(), 0, null, null, null, true, Map.of()), List.of()), T0));

        PlanView plan = find("pln_1");
        assertThat(plan.details().billingTiming()).isEqualTo(BillingTiming.IN_ADVANCE);
        assertThat(plan.details().netPaymentTerms()).isNull();
        assertThat(plan.details().invoiceGracePeriodDays()).isNull();
    }
}
