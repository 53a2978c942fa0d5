package com.novabilling.app.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one way HTTP tests make the catalog a test stands on: {@code catalog(t).customer()},
 * {@code catalog(t).plan("MONTHLY", "USD", 10)}, {@code .metric(...)}, {@code .charge(...)}, {@code .coupon(...)},
 * {@code .addOn(...)}. Each creates through the public API with the tenant's API key, asserts the 201 and returns the
 * new id; the {@code try…} variants return the {@link Api.Response} for tests that assert the answer themselves.
 * Codes and e-mails are unique unless the test names them.
 */
public final class TestCatalog {

    private final Api api;
    private final TestTenant tenant;

    TestCatalog(Api api, TestTenant tenant) {
        this.api = api;
        this.tenant = tenant;
    }

    /** POSTs {@code body} to {@code path} and returns the created resource's id, failing on anything but a 201. */
    public String created(String path, Object body) {
        Api.Response created = api.post(path, tenant.apiKey(), body);
        assertThat(created.status()).as(path + ": " + created.text()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    // customers

    /** A customer with a unique e-mail and no currency. */
    public String customer() {
        return customer((String) null);
    }

    /** A customer with a unique e-mail and {@code currency} (null: none). */
    public String customer(String currency) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Customer", "email", uniqueEmail("c")));
        if (currency != null) {
            body.put("currency", currency);
        }
        return customer(body);
    }

    public String customer(String name, String email) {
        return customer(Map.of("name", name, "email", email));
    }

    public String customer(Map<String, Object> body) {
        return created("/api/customers", body);
    }

    /**
     * A customer with every field set: a unique external id (so the external-id lookup is written too), an e-mail
     * made of it, country KE and currency KES.
     */
    public String customerWithExternalId(String name) {
        String externalId = "ext_" + UUID.randomUUID();
        return customer(Map.of("externalId", externalId, "name", name, "email", externalId + "@example.com",
                "country", "KE", "currency", "KES"));
    }

    /** The answer to creating a customer named {@code name} with a unique e-mail, whatever its status. */
    public Api.Response tryCustomer(String name) {
        return api.post("/api/customers", tenant.apiKey(), Map.of("name", name, "email", uniqueEmail("c")));
    }

    // plans

    /**
     * A plan billed every {@code interval} with one price, {@code amount} (a number, or a string read exactly) in
     * {@code currency}, under a unique code.
     */
    public String plan(String interval, String currency, Object amount) {
        return plan(Map.of("name", "Plan", "code", IntegrationTest.uniqueCode("plan"), "billingInterval", interval,
                "prices", List.of(Map.of("currency", currency, "amount", exact(amount)))));
    }

    /** A plan with {@code trialDays} of trial and a price in each currency of {@code prices}, under a unique code. */
    public String plan(String interval, int trialDays, Map<String, ? extends Number> prices) {
        List<Map<String, Object>> priceList = new ArrayList<>();
        prices.forEach((currency, amount) -> priceList.add(Map.of("currency", currency, "amount", amount)));
        return plan(Map.of("name", "Plan", "code", IntegrationTest.uniqueCode("plan"), "billingInterval", interval,
                "trialDays", trialDays, "prices", priceList));
    }

    /** A monthly plan without prices, under the test's name and code. */
    public String plan(String name, String code) {
        return plan(Map.of("name", name, "code", code, "billingInterval", "MONTHLY"));
    }

    public String plan(Map<String, Object> body) {
        return created("/api/plans", body);
    }

    // billable metrics

    /** A metric under the test's name and code; {@code fieldName} null for none (COUNT). */
    public String metric(String name, String code, String aggregationType, String fieldName) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "code", code, "aggregationType", aggregationType));
        if (fieldName != null) {
            body.put("fieldName", fieldName);
        }
        return metric(body);
    }

    /** A metric from a request body (a map or JSON text). */
    public String metric(Object body) {
        return created("/api/billable-metrics", body);
    }

    // charges

    /** A charge from a request body (a map or JSON text). */
    public String charge(Object body) {
        return created("/api/charges", body);
    }

    // coupons

    /** A 10% coupon named "Coupon" under a unique code, with {@code overrides} replacing or adding fields. */
    public static Map<String, Object> couponBody(Map<String, Object> overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Coupon",
                "code", "C-" + UUID.randomUUID().toString().substring(0, 8), "discountType", "PERCENTAGE",
                "discountValue", 10));
        body.putAll(overrides);
        return body;
    }

    /** The coupon of {@link #couponBody(Map)}. */
    public String coupon(Map<String, Object> overrides) {
        return created("/api/coupons", couponBody(overrides));
    }

    /** The answer to creating the coupon of {@link #couponBody(Map)}, whatever its status. */
    public Api.Response tryCoupon(Map<String, Object> overrides) {
        return api.post("/api/coupons", tenant.apiKey(), couponBody(overrides));
    }

    // add-ons

    /** An add-on under the test's name and code with {@code prices} ({@code [{currency, amount}]}). */
    public String addOn(String name, String code, List<Map<String, Object>> prices) {
        return created("/api/add-ons", Map.of("name", name, "code", code, "prices", prices));
    }

    /** The add-on applied once to the customer; returns the applied add-on's id. */
    public String applyAddOn(String addOnId, String customerId) {
        return created("/api/add-ons/apply", Map.of("addOnId", addOnId, "customerId", customerId));
    }

    private static Object exact(Object amount) {
        return amount instanceof String text ? new BigDecimal(text) : amount;
    }

    private static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@example.com";
    }
}
