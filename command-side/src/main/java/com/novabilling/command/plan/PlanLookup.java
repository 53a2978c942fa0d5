package com.novabilling.command.plan;

import com.novabilling.api.money.CurrencyCode;

import java.util.List;
import java.util.Optional;

/**
 * What other features need to know about the tenant's plans, read from {@link PlanLookupTable}, kept in the
 * transaction of each plan event (so a command sees every committed plan change, unlike the eventually consistent
 * read model).
 */
public interface PlanLookup {

    Optional<PlanFacts> find(String planId);

    /** The plan and currency of a price, if the price exists. */
    Optional<PriceFacts> findPrice(String priceId);

    /** @param currencies the currencies of the plan's prices, in the order the prices were added */
    record PlanFacts(String planId, String code, boolean active, List<CurrencyCode> currencies) {
        public PlanFacts {
            currencies = List.copyOf(currencies);
        }

        public boolean sellsIn(CurrencyCode currency) {
            return currencies.contains(currency);
        }
    }

    record PriceFacts(String priceId, String planId, CurrencyCode currency) {
    }
}
