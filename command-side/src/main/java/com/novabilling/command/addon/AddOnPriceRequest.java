package com.novabilling.command.addon;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.validation.AmountInput;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An add-on price as the API speaks it: major units, at most as many decimals as the currency has. */
public record AddOnPriceRequest(
        @NotNull @SupportedCurrency
        @Schema(implementation = CurrencyCode.class, description = "Any letter case is accepted") String currency,
        @NotNull @Positive
        @Schema(description = "Price in major units (25.00 USD, 50000 UGX), greater than 0, with no more decimals "
                + "than the currency has", example = "25.00") BigDecimal amount) {

    /** Converts every price, naming a bad amount by its place in the list ({@code prices[1].amount}). */
    static List<Money> toMoney(List<AddOnPriceRequest> prices) {
        List<Money> amounts = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            AddOnPriceRequest price = prices.get(i);
            CurrencyCode currency = CurrencyCode.parse(price.currency()).orElseThrow();
            amounts.add(AmountInput.toMoney(price.amount(), currency, "prices[" + i + "].amount"));
        }
        return amounts;
    }
}
