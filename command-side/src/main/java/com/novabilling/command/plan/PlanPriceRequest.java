package com.novabilling.command.plan;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.command.validation.AmountInput;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** A plan price as the API speaks it: major units, at most as many decimals as the currency has. */
public record PlanPriceRequest(
        @NotNull @SupportedCurrency String currency,
        @NotNull @Schema(description = "Plan fee per billing interval in major units (49.99 USD, 50000 UGX); "
                + "no more decimals than the currency has", example = "49.99") BigDecimal amount) {

    PlanPrice toPrice(String priceId, String field) {
        CurrencyCode code = CurrencyCode.parse(currency).orElseThrow();
        return new PlanPrice(priceId, AmountInput.toMoney(amount, code, field + "amount"));
    }
}
