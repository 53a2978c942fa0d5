package com.novabilling.command.customer;

import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.SupportedCurrency;
import com.novabilling.command.validation.TaxRate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;

import static com.novabilling.command.customer.CustomerRequestRules.COUNTRY_CODE;
import static com.novabilling.command.customer.CustomerRequestRules.COUNTRY_MESSAGE;
import static com.novabilling.command.customer.CustomerRequestRules.EMAIL_WITH_DOTTED_DOMAIN;
import static com.novabilling.command.customer.CustomerRequestRules.NOT_BLANK;

/** Every field is optional: an absent or null field is left unchanged, a present {@code metadata} replaces it whole. */
public record UpdateCustomerRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String externalId,
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Email(regexp = EMAIL_WITH_DOTTED_DOMAIN) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Size(max = 255) String email,
        @Pattern(regexp = COUNTRY_CODE, message = COUNTRY_MESSAGE) String country,
        @SupportedCurrency String currency,
        @BoundedMetadata Map<String, Object> metadata,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.NET_PAYMENT_TERMS)
        Integer netPaymentTerms,
        @TaxRate @Schema(description = BillingTermLimits.TAX_RATE, example = "16")
        BigDecimal taxRate,
        @Size(max = BillingTermLimits.MAX_TAX_NAME_LENGTH) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Schema(description = BillingTermLimits.TAX_NAME) String taxName) {

    static final UpdateCustomerRequest NO_CHANGES =
            new UpdateCustomerRequest(null, null, null, null, null, null, null, null, null);

    public UpdateCustomerCommand toCommand(String customerId) {
        return new UpdateCustomerCommand(customerId, externalId, name, email, country,
                CurrencyCode.parse(currency).map(Enum::name).orElse(null), metadata, netPaymentTerms, taxRate,
                taxName == null ? null : taxName.trim());
    }
}
