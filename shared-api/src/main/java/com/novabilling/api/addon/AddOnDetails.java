package com.novabilling.api.addon;

import com.novabilling.api.metadata.Metadata;
import com.novabilling.api.money.Money;

import java.util.List;
import java.util.Map;

import static com.novabilling.api.patch.Patch.or;

/**
 * Everything an add-on is apart from its id: what its events carry whole and its aggregate decides on. In an
 * {@link UpdateAddOnCommand} a null component means "unchanged"; a present {@code prices} (one amount per currency)
 * or {@code metadata} replaces it whole.
 */
public record AddOnDetails(String name, String code, String description, String invoiceDisplayName,
                           List<Money> prices, Map<String, Object> metadata) {

    /** As stored: the prices and metadata copied, the metadata never null. */
    public AddOnDetails normalized() {
        return new AddOnDetails(name, code, description, invoiceDisplayName, List.copyOf(prices),
                Metadata.copyOf(metadata));
    }

    /** These details with every non-null component of {@code changes} in place of this one's. */
    public AddOnDetails with(AddOnDetails changes) {
        return new AddOnDetails(or(changes.name, name), or(changes.code, code), or(changes.description, description),
                or(changes.invoiceDisplayName, invoiceDisplayName), or(changes.prices, prices),
                or(changes.metadata, metadata)).normalized();
    }
}
