package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.CreatePlanCommand;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.UpdatePlanCommand;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The plan requests' own constraints and price conversion, field by field, without HTTP: what {@code PlanHttpTest}
 * proves once over the wire (a 400 naming the field). One price per currency is {@code PlanTest}'s.
 */
class PlanRequestValidationTest {

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

    private static CreatePlanRequest create(String name, String code, BillingInterval interval, Integer trialDays,
                                            List<PlanPriceRequest> prices) {
        return new CreatePlanRequest(name, code, null, interval, null, trialDays, null, null, prices, null, null, null);
    }

    private static CreatePlanRequest pro(PlanPriceRequest... prices) {
        return create("Pro", "pro", BillingInterval.MONTHLY, null, List.of(prices));
    }

    private static PlanPriceRequest price(String currency, String amount) {
        return new PlanPriceRequest(currency, amount == null ? null : new BigDecimal(amount));
    }

    private static Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    private static List<String> conversionErrors(CreatePlanRequest request) {
        assertThat(validator.validate(request)).isEmpty();
        try {
            request.toCommand("pln_1");
        } catch (ValidationException e) {
            return e.errors().stream().map(FieldError::field).toList();
        }
        return List.of();
    }

    @Test
    void aValidRequestBecomesTheCommandWithPricesInMinorUnits() {
        CreatePlanRequest request = new CreatePlanRequest("Pro", "pro", "for teams", BillingInterval.MONTHLY,
                List.of("sso"), 14, true, Map.of("tier", "2"), List.of(price("usd", "49.99"), price("UGX", "50000")),
                null, null, null);

        assertThat(validator.validate(request)).isEmpty();
        CreatePlanCommand command = request.toCommand("pln_1");
        assertThat(command.prices()).extracting(PlanPrice::amount).containsExactly(
                Money.ofMinor(4999, CurrencyCode.USD), Money.ofMinor(50_000, CurrencyCode.UGX));
        assertThat(command.prices()).extracting(PlanPrice::priceId).allSatisfy(id -> assertThat(id).startsWith("prc_"));
        assertThat(command).isEqualTo(new CreatePlanCommand("pln_1", new PlanDetails("Pro", "pro", "for teams",
                BillingInterval.MONTHLY, List.of("sso"), 14, null, null, null, true, Map.of("tier", "2")),
                command.prices()));
    }

    @Test
    void createNeedsNameCodeAndBillingInterval() {
        assertThat(invalidFields(create(null, "pro", BillingInterval.MONTHLY, null, null))).containsExactly("name");
        assertThat(invalidFields(create("Pro", null, BillingInterval.MONTHLY, null, null))).containsExactly("code");
        assertThat(invalidFields(create("Pro", "has space", BillingInterval.MONTHLY, null, null)))
                .containsExactly("code");
        assertThat(invalidFields(create("Pro", "pro", null, null, null))).containsExactly("billingInterval");
    }

    @Test
    void trialDaysAreNotNegative() {
        assertThat(invalidFields(create("Pro", "pro", BillingInterval.MONTHLY, -1, null))).containsExactly("trialDays");
        assertThat(invalidFields(create("Pro", "pro", BillingInterval.MONTHLY, 0, null))).isEmpty();
    }

    @Test
    void aPriceNeedsASupportedCurrency() {
        assertThat(invalidFields(pro(price("XYZ", "1")))).containsExactly("prices[0].currency");
        assertThat(invalidFields(pro(price(null, "1")))).containsExactly("prices[0].currency");
    }

    @Test
    void aPriceAmountIsNotNegativeAndHasNoMoreDecimalsThanItsCurrency() {
        assertThat(conversionErrors(pro(price("USD", "-1")))).containsExactly("prices[0].amount");
        assertThat(conversionErrors(pro(price("UGX", "100.5")))).containsExactly("prices[0].amount");
        assertThat(conversionErrors(pro(price("USD", "1"), price("USD", "49.999")))).containsExactly("prices[1].amount");
        assertThat(conversionErrors(pro(price("KES", "6500.5")))).isEmpty();
    }

    @Test
    void anUpdateThatNamesPricesIsRefused() {
        assertThat(validator.validate(UpdatePlanRequest.NO_CHANGES)).isEmpty();
        assertThatThrownBy(() -> new UpdatePlanRequest(null, null, null, null, null, null, null, null, List.of(),
                null, null, null).toCommand("pln_1"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("prices");
        assertThat(invalidFields(new UpdatePlanRequest(" ", "has space", null, null, null, -1, null, null, null,
                null, null, null)))
                .containsExactlyInAnyOrder("name", "code", "trialDays");
    }

    @Test
    void billingTermsAreDaysWithinAYearAndReachTheCommand() {
        CreatePlanRequest request = new CreatePlanRequest("Pro", "pro", null, BillingInterval.MONTHLY, null, null,
                null, null, null, BillingTiming.IN_ARREARS, 30, 3);
        assertThat(validator.validate(request)).isEmpty();
        CreatePlanCommand command = request.toCommand("pln_1");
        assertThat(command.details().billingTiming()).isEqualTo(BillingTiming.IN_ARREARS);
        assertThat(command.details().netPaymentTerms()).isEqualTo(30);
        assertThat(command.details().invoiceGracePeriodDays()).isEqualTo(3);

        assertThat(invalidFields(terms(0, 365))).isEmpty();
        assertThat(invalidFields(terms(-1, 366))).containsExactlyInAnyOrder("netPaymentTerms", "invoiceGracePeriodDays");
        assertThat(invalidFields(terms(366, -1))).containsExactlyInAnyOrder("netPaymentTerms", "invoiceGracePeriodDays");

        UpdatePlanRequest update = new UpdatePlanRequest(null, null, null, null, null, null, null, null, null,
                BillingTiming.IN_ADVANCE, 400, 0);
        assertThat(invalidFields(update)).containsExactly("netPaymentTerms");
        assertThat(new UpdatePlanRequest(null, null, null, null, null, null, null, null, null,
                BillingTiming.IN_ARREARS, 14, null).toCommand("pln_1"))
                .isEqualTo(new UpdatePlanCommand("pln_1", new PlanDetails(null, null, null, null, null, null,
                        BillingTiming.IN_ARREARS, 14, null, null, null)));
    }

    private static CreatePlanRequest terms(Integer netPaymentTerms, Integer invoiceGracePeriodDays) {
        return new CreatePlanRequest("Pro", "pro", null, BillingInterval.MONTHLY, null, null, null, null, null, null,
                netPaymentTerms, invoiceGracePeriodDays);
    }
}
