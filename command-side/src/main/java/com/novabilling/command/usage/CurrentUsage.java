package com.novabilling.command.usage;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.pricing.BreakdownLine;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Rates the open period of a subscription (docs/billing-rules.md §11) with {@link UsageRating}: what the period's
 * invoice would bill for usage if it closed now.
 */
@Component
public class CurrentUsage {

    private final UsageCatalog catalog;
    private final CurrentTenant tenant;
    private final UsageRating rating;

    public CurrentUsage(UsageCatalog catalog, CurrentTenant tenant, UsageRating rating) {
        this.catalog = catalog;
        this.tenant = tenant;
        this.rating = rating;
    }

    public CurrentUsageView of(String subscriptionId) {
        String tenantId = tenant.tenantId();
        SubscriptionWindow window = catalog.window(tenantId, subscriptionId)
                .orElseThrow(() -> new NotFoundException("Subscription", subscriptionId));
        Instant from = window.periodStart();
        Instant to = window.canceledAt() != null && window.canceledAt().isBefore(window.periodEnd())
                ? window.canceledAt() : window.periodEnd();
        if (to.isBefore(from)) {
            to = from;
        }
        CurrencyCode currency = window.currency();
        List<CurrentUsageView.ChargeUsage> charges = new ArrayList<>();
        Money total = Money.zero(currency);
        for (UsageRating.RatedCharge rated : rating.rate(tenantId, subscriptionId, window.planId(), currency, from,
                to)) {
            total = total.plus(rated.result().amount());
            charges.add(new CurrentUsageView.ChargeUsage(rated.charge().id(), rated.metric().billableMetricId(),
                    rated.metric().code(), rated.metric().definition().aggregationType(), rated.charge().chargeModel(),
                    rated.result().units(), rated.result().amount().toMajor(),
                    rated.result().breakdown().stream().map(BreakdownLine::asEstimateLine).toList()));
        }
        return new CurrentUsageView(subscriptionId, window.planId(), currency.name(), from, to, total.toMajor(),
                charges);
    }
}
