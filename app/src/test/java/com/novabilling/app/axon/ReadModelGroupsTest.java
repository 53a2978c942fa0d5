package com.novabilling.app.axon;

import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.FindAppliedAddOnQuery;
import com.novabilling.api.addon.ListAddOnsQuery;
import com.novabilling.api.addon.ListAppliedAddOnsQuery;
import com.novabilling.api.charge.EstimateChargeQuery;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.coupon.FindAppliedCouponQuery;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.ListAppliedCouponsQuery;
import com.novabilling.api.coupon.ListCouponsQuery;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.metric.FindBillableMetricQuery;
import com.novabilling.api.metric.ListBillableMetricsQuery;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.ListPlansQuery;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.api.invoice.FindInvoiceDocumentQuery;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.creditnote.FindCreditNoteQuery;
import com.novabilling.api.creditnote.ListCreditNotesQuery;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.api.wallet.ListWalletTransactionsQuery;
import com.novabilling.api.wallet.ListWalletsQuery;
import com.novabilling.api.invoice.ListInvoicesQuery;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.repository.Repository;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read-your-writes waits, before a query, for the processing groups whose read models it reads
 * (docs/architecture.md §6). A query that reads a table no group it waits for writes may answer from before the
 * write: the charge estimate reads the billable metric read model too.
 */
class ReadModelGroupsTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void eachQueryWaitsForTheProjectionsOfTheTablesItReads() {
        MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);
        Map<Class<?>, Set<String>> expected = Map.ofEntries(
                Map.entry(FindCustomerQuery.class, Set.of("customers")),
                Map.entry(ListCustomersQuery.class, Set.of("customers")),
                Map.entry(FindPlanQuery.class, Set.of("plans")),
                Map.entry(ListPlansQuery.class, Set.of("plans")),
                Map.entry(FindBillableMetricQuery.class, Set.of("billable-metrics")),
                Map.entry(ListBillableMetricsQuery.class, Set.of("billable-metrics")),
                Map.entry(FindChargeQuery.class, Set.of("charges")),
                Map.entry(ListChargesQuery.class, Set.of("charges")),
                Map.entry(EstimateChargeQuery.class, Set.of("charges", "billable-metrics")),
                Map.entry(FindCouponQuery.class, Set.of("coupons")),
                Map.entry(ListCouponsQuery.class, Set.of("coupons")),
                Map.entry(FindAppliedCouponQuery.class, Set.of("coupons")),
                Map.entry(ListAppliedCouponsQuery.class, Set.of("coupons")),
                Map.entry(FindAddOnQuery.class, Set.of("add-ons")),
                Map.entry(ListAddOnsQuery.class, Set.of("add-ons")),
                Map.entry(FindAppliedAddOnQuery.class, Set.of("add-ons")),
                Map.entry(ListAppliedAddOnsQuery.class, Set.of("add-ons")),
                Map.entry(FindInvoiceQuery.class, Set.of("invoices")),
                Map.entry(FindInvoiceDocumentQuery.class, Set.of("invoices")),
                Map.entry(ListInvoicesQuery.class, Set.of("invoices")),
                Map.entry(FindCreditNoteQuery.class, Set.of("credit-notes")),
                Map.entry(ListCreditNotesQuery.class, Set.of("credit-notes")),
                Map.entry(FindWalletQuery.class, Set.of("wallets")),
                Map.entry(ListWalletsQuery.class, Set.of("wallets")),
                Map.entry(ListWalletTransactionsQuery.class, Set.of("wallets")));

        expected.forEach((query, groups) ->
                assertThat(catalog.readModelsOf(query)).as(query.getSimpleName()).isEqualTo(groups));
        assertThat(catalog.readModelsByQuery().values()).as("every query waits only for projections")
                .allSatisfy(groups -> assertThat(catalog.projectionGroups()).containsAll(groups));
    }

    @Test
    void aProjectionsQueryThatReadsAnotherProjectionsTableWaitsForBoth() {
        try (var context = new AnnotationConfigApplicationContext(Tables.class, Metrics.class, Charges.class)) {
            MessageHandlerCatalog catalog = MessageHandlerCatalog.scan(context);

            assertThat(catalog.readModelsOf(String.class)).isEqualTo(Set.of("charges", "metrics"));
            // the catalog cannot tell which projection writes a shared repository and which only reads it, so the
            // metrics query waits for the charges group too: waiting longer is safe, answering before a write is not
            assertThat(catalog.readModelsOf(Long.class)).isEqualTo(Set.of("metrics", "charges"));
        }
    }

    interface MetricRows extends Repository<Object, String> {
    }

    interface ChargeRows extends Repository<Object, String> {
    }

    @Configuration
    static class Tables {
        @Bean
        MetricRows metricRows() {
            return Mockito.mock(MetricRows.class);
        }

        @Bean
        ChargeRows chargeRows() {
            return Mockito.mock(ChargeRows.class);
        }
    }

    @ProcessingGroup("metrics")
    static class Metrics {
        Metrics(MetricRows rows) {
        }

        @EventHandler
        void on(Integer event) {
        }

        @QueryHandler
        Integer find(Long query) {
            return 0;
        }
    }

    /** Its own group, and — through the shared repository — the metrics projection's. */
    @ProcessingGroup("charges")
    static class Charges {
        Charges(ChargeRows charges, MetricRows metrics) {
        }

        @EventHandler
        void on(Short event) {
        }

        @QueryHandler
        Integer estimate(String query) {
            return 0;
        }
    }
}
