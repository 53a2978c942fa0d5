package com.novabilling.command.addon;

import com.novabilling.api.addon.ApplyAddOnCommand;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

import java.math.BigDecimal;

import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** {@code quantity} is read as a decimal so that 2.5 is refused (400) rather than truncated to 2 by Jackson. */
public record ApplyAddOnRequest(
        @NotBlank @Schema(example = "aon_0123456789abcdef01234567") String addOnId,
        @NotBlank @Schema(example = "cus_0123456789abcdef01234567") String customerId,
        @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Schema(description = "Optional; a subscription of the same customer") String subscriptionId,
        @Min(1) @Max(MAX_QUANTITY)
        @Schema(implementation = Integer.class, defaultValue = "1", description = "A whole number; default 1")
        BigDecimal quantity,
        @SupportedCurrency
        @Schema(implementation = CurrencyCode.class, description = "Optional; default the customer's currency, else "
                + "the add-on's only price currency. Must be a currency the add-on is priced in") String currency) {

    static final long MAX_QUANTITY = 1_000_000;

    public ApplyAddOnCommand toCommand(String appliedAddOnId) {
        if (quantity != null && quantity.stripTrailingZeros().scale() > 0) {
            throw new ValidationException("quantity", "must be a whole number");
        }
        return new ApplyAddOnCommand(appliedAddOnId, addOnId, customerId, subscriptionId,
                quantity == null ? 1 : quantity.intValueExact(), CurrencyCode.parse(currency).orElse(null));
    }
}
