package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.command.validation.SupportedCurrency;
import com.novabilling.command.validation.TaxRate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.COUNTRY_CODE;
import static com.novabilling.command.validation.RequestPatterns.COUNTRY_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.EMAIL;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

public record CreateCustomerRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String externalId,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Email(regexp = EMAIL) @Size(max = 255) String email,
        @Pattern(regexp = COUNTRY_CODE, message = COUNTRY_MESSAGE) String country,
        @SupportedCurrency String currency,
        @BoundedMetadata Map<String, Object> metadata,
        @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = BillingTermLimits.NET_PAYMENT_TERMS
                + "; absent: the plan's, else the tenant's") Integer netPaymentTerms,
        @TaxRate @Schema(description = BillingTermLimits.TAX_RATE + "; absent: the tenant's", example = "16")
        BigDecimal taxRate,
        @Size(max = BillingTermLimits.MAX_TAX_NAME_LENGTH) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Schema(description = BillingTermLimits.TAX_NAME + "; absent: the tenant's") String taxName) {

    CustomerDetails details() {
        return UpdateCustomerRequest.details(externalId, name, email, country, currency, netPaymentTerms, taxRate,
                taxName, metadata);
    }
}
