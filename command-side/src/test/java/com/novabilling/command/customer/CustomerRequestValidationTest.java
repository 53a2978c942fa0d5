package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static CreateCustomerRequest create(String externalId, String name, String email, String country,
                                                String currency) {
        return new CreateCustomerRequest(externalId, name, email, country, currency, Map.of("source", "website"), null,
                null, null);
    }

    private static Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void fullCreateRequestIsValidAndBecomesCommandWithUpperCaseCurrency() {
        CreateCustomerRequest request = create("cust_123", "Jane Smith", "jane@example.com", "US", "usd");

        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.details()).isEqualTo(new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", null, null, null, Map.of("source", "website")));
    }

    @Test
    void nameAndEmailAloneAreEnough() {
        assertThat(validator.validate(new CreateCustomerRequest(null, "Jane", "jane@example.com", null, null, null,
                null, null, null))).isEmpty();
    }

    @Test
    void nameAndEmailAreRequired() {
        assertThat(invalidFields(create(null, null, null, null, null))).containsExactlyInAnyOrder("name", "email");
        assertThat(invalidFields(create(null, "  ", "", null, null))).containsExactlyInAnyOrder("name", "email");
    }

    @Test
    void emailMustBeAnAddressWithADottedDomain() {
        assertThat(invalidFields(create(null, "Jane", "not-an-email", null, null))).containsExactly("email");
        assertThat(invalidFields(create(null, "Jane", "jane@localhost", null, null))).containsExactly("email");
    }

    @Test
    void textFieldsAreLimitedTo255Characters() {
        String tooLong = "x".repeat(256);
        String longEmail = "a".repeat(250) + "@example.com";

        assertThat(invalidFields(create(tooLong, tooLong, longEmail, null, null)))
                .containsExactlyInAnyOrder("externalId", "name", "email");
        assertThat(invalidFields(create("x".repeat(255), "x".repeat(255), "jane@example.com", null, null))).isEmpty();
    }

    @Test
    void blankExternalIdIsRejected() {
        assertThat(invalidFields(create(" ", "Jane", "jane@example.com", null, null))).containsExactly("externalId");
    }

    @Test
    void countryMustBeTwoUpperCaseLetters() {
        assertThat(invalidFields(create(null, "Jane", "jane@example.com", "us", null))).containsExactly("country");
        assertThat(invalidFields(create(null, "Jane", "jane@example.com", "USA", null))).containsExactly("country");
        assertThat(invalidFields(create(null, "Jane", "jane@example.com", "NG", null))).isEmpty();
    }

    @Test
    void unsupportedCurrencyIsRejectedWithTheAllowedCodes() {
        Set<ConstraintViolation<CreateCustomerRequest>> violations =
                validator.validate(create(null, "Jane", "jane@example.com", null, "JPY"));

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.getPropertyPath()).hasToString("currency");
            assertThat(violation.getMessage()).startsWith("must be one of NGN, KES").contains("USD", "EUR", "GBP");
        });
    }

    @Test
    void emptyUpdateIsValidAndChangesNothing() {
        assertThat(validator.validate(UpdateCustomerRequest.NO_CHANGES)).isEmpty();
        assertThat(UpdateCustomerRequest.NO_CHANGES.changes())
                .isEqualTo(new CustomerDetails(null, null, null, null, null, null, null, null, null));
    }

    @Test
    void updatedFieldsFollowTheCreateRules() {
        UpdateCustomerRequest request = new UpdateCustomerRequest(" ", "", "jane@", "usa", "XYZ", null, null, null, null);

        assertThat(invalidFields(request))
                .containsExactlyInAnyOrder("externalId", "name", "email", "country", "currency");
    }

    @Test
    void updateNormalisesCurrency() {
        UpdateCustomerRequest request = new UpdateCustomerRequest(null, "John", null, null, "kes", Map.of("tier", 2),
                null, null, null);

        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.changes())
                .isEqualTo(new CustomerDetails(null, "John", null, null, "KES", null, null, null, Map.of("tier", 2)));
    }

    @Test
    void billingTermsReachTheCommandWithTheTaxNameTrimmed() {
        CreateCustomerRequest request = new CreateCustomerRequest(null, "Jane", "jane@example.com", null, null, null,
                30, new BigDecimal("16.00"), " VAT ");
        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.details()).isEqualTo(new CustomerDetails(null, "Jane", "jane@example.com", null, null, 30, new BigDecimal("16.00"), "VAT", null));
        assertThat(new UpdateCustomerRequest(null, null, null, null, null, null, null, BigDecimal.ZERO, null)
                .changes()).isEqualTo(new CustomerDetails(null, null, null, null, null, null, BigDecimal.ZERO, null, null));
    }

    @Test
    void netPaymentTermsAreZeroToAYear() {
        assertThat(invalidFields(terms(0, null, null))).isEmpty();
        assertThat(invalidFields(terms(365, null, null))).isEmpty();
        assertThat(invalidFields(terms(-1, null, null))).containsExactly("netPaymentTerms");
        assertThat(invalidFields(terms(366, null, null))).containsExactly("netPaymentTerms");
        assertThat(invalidFields(new UpdateCustomerRequest(null, null, null, null, null, null, 366, null, null)))
                .containsExactly("netPaymentTerms");
    }

    @Test
    void taxRateIsAPercentageWithAtMostFourDecimals() {
        for (String valid : List.of("0", "0.0", "100", "100.0000", "16", "7.5", "12.3456", "12.345600")) {
            assertThat(invalidFields(terms(null, new BigDecimal(valid), null))).as(valid).isEmpty();
        }
        for (String invalid : List.of("-0.0001", "-1", "100.0001", "101", "12.34567", "1E+3")) {
            assertThat(invalidFields(terms(null, new BigDecimal(invalid), null))).as(invalid)
                    .containsExactly("taxRate");
        }
        Set<ConstraintViolation<CreateCustomerRequest>> violations =
                validator.validate(terms(null, new BigDecimal("150"), null));
        assertThat(violations).singleElement().extracting(ConstraintViolation::getMessage)
                .isEqualTo("must be a percentage from 0 to 100 with at most 4 decimals (0 means exempt)");
        assertThat(invalidFields(new UpdateCustomerRequest(null, null, null, null, null, null, null,
                new BigDecimal("-5"), null))).containsExactly("taxRate");
    }

    @Test
    void taxNameIsNotBlankAndAtMost100Characters() {
        assertThat(invalidFields(terms(null, null, "x".repeat(100)))).isEmpty();
        assertThat(invalidFields(terms(null, null, "x".repeat(101)))).containsExactly("taxName");
        assertThat(invalidFields(terms(null, null, " "))).containsExactly("taxName");
        assertThat(invalidFields(new UpdateCustomerRequest(null, null, null, null, null, null, null, null, "")))
                .containsExactly("taxName");
    }

    private static CreateCustomerRequest terms(Integer netPaymentTerms, BigDecimal taxRate, String taxName) {
        return new CreateCustomerRequest(null, "Jane", "jane@example.com", null, null, null, netPaymentTerms, taxRate,
                taxName);
    }
}
