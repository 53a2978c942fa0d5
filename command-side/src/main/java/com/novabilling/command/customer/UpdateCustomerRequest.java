package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.BoundedMetadata;
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

import static com.novabilling.command.validation.RequestPatterns.COUNTRY_CODE;
import static com.novabilling.command.validation.RequestPatterns.COUNTRY_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.EMAIL;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** Every field is optional: an absent or null field is left unchanged, a present {@code metadata} replaces it whole. */
public record UpdateCustomerRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String externalId,
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Email(regexp = EMAIL) @Pattern(regexp = NOT_BLANK, message = "must not be blank") @Size(max = 255) String email,
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

    CustomerDetails changes() {
        return details(externalId, name, email, country, currency, netPaymentTerms, taxRate, taxName, metadata);
    }

    /** A request's fields as the command carries them: the currency's code in capitals, the tax name trimmed. */
    static CustomerDetails details(String externalId, String name, String email, String country, String currency,
                                   Integer netPaymentTerms, BigDecimal taxRate, String taxName,
                                   Map<String, Object> metadata) {
        return new CustomerDetails(externalId, name, email, country,
                CurrencyCode.parse(currency).map(Enum::name).orElse(null), netPaymentTerms, taxRate,
                taxName == null ? null : taxName.trim(), metadata);
    }
}
