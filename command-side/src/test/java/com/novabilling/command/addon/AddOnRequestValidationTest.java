package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.ApplyAddOnCommand;
import com.novabilling.api.addon.CreateAddOnCommand;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
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
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The add-on requests' own constraints and price conversion, field by field, without HTTP: what
 * {@code AddOnHttpTest} proves once over the wire (a 400 naming the field). One price per currency is
 * {@code AddOnTest}'s; the currency an application is priced in is {@code AppliedAddOnTest}'s.
 */
class AddOnRequestValidationTest {

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

    private static CreateAddOnRequest create(String name, String code, List<AddOnPriceRequest> prices) {
        return new CreateAddOnRequest(name, code, null, null, prices, null);
    }

    private static CreateAddOnRequest setup(AddOnPriceRequest... prices) {
        return create("Setup", "setup", List.of(prices));
    }

    private static AddOnPriceRequest price(String currency, String amount) {
        return new AddOnPriceRequest(currency, amount == null ? null : new BigDecimal(amount));
    }

    private static ApplyAddOnRequest apply(String quantity, String currency) {
        return new ApplyAddOnRequest("aon_1", "cus_1", null, quantity == null ? null : new BigDecimal(quantity),
                currency);
    }

    private static Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    private static List<String> conversionErrors(Object request, Supplier<?> toCommand) {
        assertThat(validator.validate(request)).isEmpty();
        try {
            toCommand.get();
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        return List.of();
    }

    @Test
    void aValidCreateRequestBecomesTheCommandWithPricesInMinorUnits() {
        CreateAddOnRequest request = new CreateAddOnRequest("Setup fee", "setup_fee", "one-off", "Setup",
                List.of(price("usd", "25.00"), price("UGX", "50000")), Map.of("kind", "fee"));

        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.toCommand("aon_1")).isEqualTo(new CreateAddOnCommand("aon_1", new AddOnDetails("Setup fee", "setup_fee", "one-off", "Setup", List.of(Money.ofMinor(2500, CurrencyCode.USD), Money.ofMinor(50_000, CurrencyCode.UGX)), Map.of("kind", "fee"))));
    }

    @Test
    void createNeedsNameCodeAndPrices() {
        assertThat(invalidFields(create(null, "setup", List.of(price("USD", "25"))))).containsExactly("name");
        assertThat(invalidFields(create("Setup", null, List.of(price("USD", "25"))))).containsExactly("code");
        assertThat(invalidFields(create("Setup", "has space", List.of(price("USD", "25"))))).containsExactly("code");
        assertThat(invalidFields(create("Setup", "setup", null))).containsExactly("prices");
        assertThat(invalidFields(create("Setup", "setup", List.of()))).containsExactly("prices");
    }

    @Test
    void aPriceNeedsASupportedCurrencyAndAPositiveAmount() {
        assertThat(invalidFields(setup(price("XYZ", "1")))).containsExactly("prices[0].currency");
        assertThat(invalidFields(setup(price(null, "1")))).containsExactly("prices[0].currency");
        assertThat(invalidFields(setup(price("USD", "-5")))).containsExactly("prices[0].amount");
        assertThat(invalidFields(setup(price("USD", "0")))).containsExactly("prices[0].amount");
        assertThat(invalidFields(setup(price("USD", null)))).containsExactly("prices[0].amount");
    }

    @Test
    void aPriceHasNoMoreDecimalsThanItsCurrencyNamedByItsPlace() {
        CreateAddOnRequest ugandan = setup(price("UGX", "100.5"));
        assertThat(conversionErrors(ugandan, () -> ugandan.toCommand("aon_1"))).containsExactly("prices[0].amount");
        CreateAddOnRequest kenyan = setup(price("USD", "1"), price("KES", "1.001"));
        assertThat(conversionErrors(kenyan, () -> kenyan.toCommand("aon_1"))).containsExactly("prices[1].amount");
    }

    @Test
    void anUpdateReplacesPricesWithAtLeastOneValidPrice() {
        assertThat(validator.validate(UpdateAddOnRequest.NO_CHANGES)).isEmpty();
        assertThat(invalidFields(new UpdateAddOnRequest(" ", null, null, null, null, null))).containsExactly("name");
        assertThat(invalidFields(new UpdateAddOnRequest(null, null, null, null, List.of(), null)))
                .containsExactly("prices");
        UpdateAddOnRequest ugandan = new UpdateAddOnRequest(null, null, null, null, List.of(price("UGX", "100.5")),
                null);
        assertThat(conversionErrors(ugandan, () -> ugandan.toCommand("aon_1"))).containsExactly("prices[0].amount");
    }

    @Test
    void anApplicationNeedsIdsAWholeQuantityFromOneToAMillionAndASupportedCurrency() {
        assertThat(validator.validate(apply(null, null))).isEmpty();
        assertThat(apply(null, "usd").toCommand("apa_1")).isEqualTo(
                new ApplyAddOnCommand("apa_1", "aon_1", "cus_1", null, 1, CurrencyCode.USD));
        assertThat(invalidFields(new ApplyAddOnRequest(null, "cus_1", null, null, null))).containsExactly("addOnId");
        assertThat(invalidFields(new ApplyAddOnRequest("aon_1", null, null, null, null))).containsExactly("customerId");
        assertThat(invalidFields(apply("0", null))).containsExactly("quantity");
        assertThat(invalidFields(apply("-2", null))).containsExactly("quantity");
        assertThat(invalidFields(apply("1000001", null))).containsExactly("quantity");
        assertThat(invalidFields(apply("1000000", null))).isEmpty();
        assertThat(invalidFields(apply(null, "XYZ"))).containsExactly("currency");
        ApplyAddOnRequest fractional = apply("2.5", null);
        assertThat(conversionErrors(fractional, () -> fractional.toCommand("apa_1"))).containsExactly("quantity");
    }
}
