package com.novabilling.command.addon;

import com.novabilling.api.addon.ApplyAddOnCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

public record ApplyAddOnRequest(
        @NotBlank @Schema(example = "aon_0123456789abcdef01234567") String addOnId,
        @NotBlank @Schema(example = "cus_0123456789abcdef01234567") String customerId,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Schema(description = "Optional; a subscription of the same customer") String subscriptionId,
        @Min(1) @Max(MAX_QUANTITY) @Schema(description = "Default 1", defaultValue = "1") Integer quantity,
        @SupportedCurrency
        @Schema(implementation = CurrencyCode.class, description = "Optional; default the customer's currency, else "
                + "the add-on's only price currency. Must be a currency the add-on is priced in") String currency) {

    static final long MAX_QUANTITY = 1_000_000;

    public ApplyAddOnCommand toCommand(String appliedAddOnId) {
        return new ApplyAddOnCommand(appliedAddOnId, addOnId, customerId, subscriptionId,
                quantity == null ? 1 : quantity, CurrencyCode.parse(currency).orElse(null));
    }
}
