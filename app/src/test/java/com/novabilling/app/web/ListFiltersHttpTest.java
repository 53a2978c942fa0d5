package com.novabilling.app.web;

import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list endpoint reads its filters the one way {@code PageParameters} does: an id filter is trimmed and at most
 * 255 characters, an enum filter takes any letter case and names its values when it is none of them.
 */
class ListFiltersHttpTest extends IntegrationTest {

    private static final List<String> ID_FILTERS = List.of(
            "/api/charges?planId=", "/api/charges?billableMetricId=",
            "/api/add-ons/applied/list?customerId=", "/api/add-ons/applied/list?subscriptionId=",
            "/api/coupons/applied/list?customerId=",
            "/api/subscriptions?planId=", "/api/subscriptions?customerId=",
            "/api/invoices?customerId=", "/api/invoices?subscriptionId=",
            "/api/credit-notes?customerId=", "/api/credit-notes?invoiceId=",
            "/api/wallets?customerId=");

    @Test
    void anIdFilterIsTrimmedAndRefusedAbove255CharactersNamingTheParameter() {
        TestTenant t = registerTenant();
        String customer = catalog(t).customer("USD");
        Api.Response wallet = api().post("/api/wallets", t.apiKey(), Map.of("customerId", customer, "currency", "USD"));
        assertThat(wallet.status()).as(wallet.text()).isEqualTo(201);
        assertThat(api().get("/api/wallets?customerId=%20" + customer + "%20", t.apiKey()).total()).isOne();
        for (String list : ID_FILTERS) {
            String parameter = list.substring(list.indexOf('?') + 1, list.length() - 1);
            assertThat(api().get(list + "%20nothing_here%20", t.apiKey()).total()).as(list).isZero();
            assertThat(api().get(list + "x".repeat(255), t.apiKey()).total()).as(list).isZero();
            Api.Response tooLong = api().get(list + "x".repeat(256), t.apiKey());
            assertThat(tooLong.badRequestFields()).as(list).containsExactly(parameter);
            assertThat(tooLong.body().at("/errors/0/message").asText()).as(list)
                    .isEqualTo("must be at most 255 characters");
        }
    }

    @Test
    void anEnumFilterTakesAnyLetterCaseAndListsItsValuesWhenUnknown() {
        TestTenant t = registerTenant();
        record EnumFilter(String list, String parameter, String known, String values) {
        }
        List<EnumFilter> filters = List.of(
                new EnumFilter("/api/billable-metrics", "aggregationType", "unique_count",
                        "COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, WEIGHTED_SUM"),
                new EnumFilter("/api/add-ons/applied/list", "status", "Invoiced", "PENDING, REMOVED, INVOICED"),
                new EnumFilter("/api/coupons/applied/list", "status", "exhausted", "ACTIVE, REMOVED, EXHAUSTED"),
                new EnumFilter("/api/subscriptions", "status", "paused", "TRIALING, ACTIVE, PAUSED, CANCELED"),
                new EnumFilter("/api/invoices", "status", "voided", "DRAFT, FINALIZED, PAID, VOIDED"),
                new EnumFilter("/api/credit-notes", "status", "Finalized", "DRAFT, FINALIZED, VOIDED"),
                new EnumFilter("/api/wallets", "status", "terminated", "ACTIVE, TERMINATED"));
        for (EnumFilter filter : filters) {
            String query = filter.list() + "?" + filter.parameter() + "=";
            assertThat(api().get(query + filter.known(), t.apiKey()).total()).as(query).isZero();
            Api.Response unknown = api().get(query + "sometimes", t.apiKey());
            assertThat(unknown.badRequestFields()).as(query).containsExactly(filter.parameter());
            assertThat(unknown.body().at("/errors/0/message").asText()).as(query)
                    .isEqualTo("must be one of " + filter.values());
        }
    }
}
