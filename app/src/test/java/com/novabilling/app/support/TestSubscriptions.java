package com.novabilling.app.support;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CreateSubscriptionCommand;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.subscription.SubscriptionCatalog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Subscriptions for HTTP tests on a branch where {@code POST /subscriptions} does not exist yet: the test registers
 * the plan's and customer's facts here and sends {@link CreateSubscriptionCommand} through the tenant's command
 * gateway. The catalog answers the facts registered and otherwise asks the application's own catalog, so other
 * tests see no difference. Once the subscription endpoints are merged, tests can create subscriptions over HTTP and
 * this class can go.
 */
public final class TestSubscriptions implements SubscriptionCatalog {

    private final Map<String, PlanTerms> plans = new ConcurrentHashMap<>();
    private final Map<String, CustomerStanding> customers = new ConcurrentHashMap<>();
    private final ObjectProvider<SubscriptionCatalog> catalogs;
    private final TenantRuntimeRegistry runtimes;

    TestSubscriptions(ObjectProvider<SubscriptionCatalog> catalogs, TenantRuntimeRegistry runtimes) {
        this.catalogs = catalogs;
        this.runtimes = runtimes;
    }

    /** Creates a subscription of the tenant's customer to a plan priced {@code price} per month in USD. */
    public String subscribe(String tenantId, String customerId, String planId, BigDecimal price, Instant startDate) {
        plans.put(planId, new PlanTerms(planId, "plan", true, BillingInterval.MONTHLY, 0,
                List.of(Money.ofMajor(price, CurrencyCode.USD))));
        customers.put(customerId, new CustomerStanding(customerId, CurrencyCode.USD, false));
        String subscriptionId = "sub_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        TenantContext.runAs(tenantId, () -> runtimes.current().commandGateway().sendAndWait(
                new CreateSubscriptionCommand(subscriptionId, customerId, planId, CurrencyCode.USD, 0, startDate,
                        BillingAnchor.ANNIVERSARY, "UTC", Map.of())));
        return subscriptionId;
    }

    /** Performs the subscription's due transitions up to the clock's now (period closes). */
    public void advance(String tenantId, String subscriptionId) {
        TenantContext.runAs(tenantId, () -> runtimes.current().commandGateway().sendAndWait(
                new AdvanceSubscriptionCommand(subscriptionId, null)));
    }

    /** Sends any command as the tenant. */
    public void send(String tenantId, Object command) {
        TenantContext.runAs(tenantId, () -> runtimes.current().commandGateway().sendAndWait(command));
    }

    @Override
    public Optional<PlanTerms> findPlan(String planId) {
        PlanTerms plan = plans.get(planId);
        return plan != null ? Optional.of(plan) : application().findPlan(planId);
    }

    @Override
    public Optional<CustomerStanding> findCustomer(String customerId) {
        CustomerStanding customer = customers.get(customerId);
        return customer != null ? Optional.of(customer) : application().findCustomer(customerId);
    }

    private SubscriptionCatalog application() {
        return catalogs.orderedStream().filter(catalog -> catalog != this).findFirst()
                .orElseThrow(() -> new IllegalStateException("no application subscription catalog"));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        TestSubscriptions testSubscriptions(ObjectProvider<SubscriptionCatalog> catalogs,
                                            TenantRuntimeRegistry runtimes) {
            return new TestSubscriptions(catalogs, runtimes);
        }
    }
}
