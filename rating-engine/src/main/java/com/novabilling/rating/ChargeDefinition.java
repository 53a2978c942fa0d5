package com.novabilling.rating;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.rating.pricing.ChargeModel;
import com.novabilling.rating.pricing.PricingProperties;

import java.util.List;
import java.util.Objects;

/**
 * A usage charge: its model, currency, the default pricing for events no filter matches ({@code null}: those
 * events are not billed) and the charge filters.
 */
public record ChargeDefinition(ChargeModel model, CurrencyCode currency, PricingProperties defaultProperties,
                               List<ChargeFilter> filters) {
    public ChargeDefinition {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
        filters = filters == null ? List.of() : List.copyOf(filters);
        requireModel(model, defaultProperties, "defaultProperties");
        for (int i = 0; i < filters.size(); i++) {
            requireModel(model, filters.get(i).properties(), "filters[" + i + "].properties");
        }
    }

    public static ChargeDefinition of(CurrencyCode currency, PricingProperties defaultProperties) {
        return new ChargeDefinition(defaultProperties.model(), currency, defaultProperties, List.of());
    }

    private static void requireModel(ChargeModel model, PricingProperties properties, String field) {
        if (properties != null && properties.model() != model) {
            throw new IllegalArgumentException(field + " are " + properties.model() + " pricing but the charge model is "
                    + model);
        }
    }
}
