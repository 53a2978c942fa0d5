package com.novabilling.api.openapi;

/**
 * The OpenAPI tag of each resource, named as in the API reference: the query and the command controller of a
 * resource carry the same one. The tags' descriptions and order are set where the document is assembled
 * ({@code OpenApiConfiguration} in the app).
 */
public final class ApiTags {

    public static final String AUTH = "Auth";
    public static final String TENANTS = "Tenants";
    public static final String CUSTOMERS = "Customers";
    public static final String PLANS = "Plans";
    public static final String SUBSCRIPTIONS = "Subscriptions";
    public static final String INVOICES = "Invoices";
    public static final String BILLABLE_METRICS = "Billable Metrics";
    public static final String CHARGES = "Charges";
    public static final String COUPONS = "Coupons";
    public static final String ADD_ONS = "Add-Ons";
    public static final String CREDIT_NOTES = "Credit Notes";
    public static final String WALLETS = "Wallets";
    public static final String USAGE_EVENTS = "Usage Events";
    public static final String AUDIT = "Audit";
    public static final String ADMIN = "Admin";
    public static final String TEST_CLOCK = "Test Clock";

    private ApiTags() {
    }
}
