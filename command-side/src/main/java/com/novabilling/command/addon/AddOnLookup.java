package com.novabilling.command.addon;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Optional;

/**
 * What applying an add-on needs to know about it, read from {@link AddOnLookupTable}, kept in the transaction of each
 * add-on event (so a command sees every committed change, unlike the eventually consistent read model).
 */
public interface AddOnLookup {

    /** The add-on, if it exists (and is not deleted) in the current tenant. */
    Optional<AddOnFacts> find(String addOnId);

    /** @param prices one per currency, in the order they were given */
    record AddOnFacts(String addOnId, String code, String name, String invoiceDisplayName, List<Money> prices) {
        public AddOnFacts {
            prices = List.copyOf(prices);
        }

        public Optional<Money> priceIn(CurrencyCode currency) {
            return prices.stream().filter(price -> price.currency() == currency).findFirst();
        }

        public List<CurrencyCode> currencies() {
            return prices.stream().map(Money::currency).toList();
        }
    }
}
