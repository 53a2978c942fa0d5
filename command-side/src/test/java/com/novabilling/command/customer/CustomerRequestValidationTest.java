package com.novabilling.command.customer;

import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.UpdateCustomerCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        return new CreateCustomerRequest(externalId, name, email, country, currency, Map.of("source", "website"));
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
        assertThat(request.toCommand("cus_1")).isEqualTo(new CreateCustomerCommand(
                "cus_1", "cust_123", "Jane Smith", "jane@example.com", "US", "USD", Map.of("source", "website")));
    }

    @Test
    void nameAndEmailAloneAreEnough() {
        assertThat(validator.validate(new CreateCustomerRequest(null, "Jane", "jane@example.com", null, null, null)))
                .isEmpty();
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
        assertThat(UpdateCustomerRequest.NO_CHANGES.toCommand("cus_1"))
                .isEqualTo(new UpdateCustomerCommand("cus_1", null, null, null, null, null, null));
    }

    @Test
    void updatedFieldsFollowTheCreateRules() {
        UpdateCustomerRequest request = new UpdateCustomerRequest(" ", "", "jane@", "usa", "XYZ", null);

        assertThat(invalidFields(request))
                .containsExactlyInAnyOrder("externalId", "name", "email", "country", "currency");
    }

    @Test
    void updateNormalisesCurrency() {
        UpdateCustomerRequest request = new UpdateCustomerRequest(null, "John", null, null, "kes", Map.of("tier", 2));

        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.toCommand("cus_1"))
                .isEqualTo(new UpdateCustomerCommand("cus_1", null, "John", null, null, "KES", Map.of("tier", 2)));
    }
}
