package com.novabilling.command.customer;

import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.SupportedCurrency;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Map;

import static com.novabilling.command.customer.CustomerRequestRules.COUNTRY_CODE;
import static com.novabilling.command.customer.CustomerRequestRules.COUNTRY_MESSAGE;
import static com.novabilling.command.customer.CustomerRequestRules.EMAIL_WITH_DOTTED_DOMAIN;
import static com.novabilling.command.customer.CustomerRequestRules.NOT_BLANK;

public record CreateCustomerRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String externalId,
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Email(regexp = EMAIL_WITH_DOTTED_DOMAIN) @Size(max = 255) String email,
        @Pattern(regexp = COUNTRY_CODE, message = COUNTRY_MESSAGE) String country,
        @SupportedCurrency String currency,
        @BoundedMetadata Map<String, Object> metadata) {

    public CreateCustomerCommand toCommand(String customerId) {
        return new CreateCustomerCommand(customerId, externalId, name, email, country,
                CurrencyCode.parse(currency).map(Enum::name).orElse(null), metadata);
    }
}
