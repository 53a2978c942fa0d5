package com.novabilling.command.plan;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.plan.UpdatePlanPriceCommand;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

public record UpdatePlanPriceRequest(
        @SupportedCurrency @Schema(description = "Optional; if given it must be the price's own currency") String currency,
        @NotNull @Schema(description = "New amount in major units of the price's currency", example = "59.99")
        BigDecimal amount) {

    UpdatePlanPriceCommand toCommand(String planId, String priceId) {
        return new UpdatePlanPriceCommand(planId, priceId, CurrencyCode.parse(currency).orElse(null), amount);
    }
}
