package com.novabilling.command.coupon;

import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.RequestedCoupon;
import com.novabilling.api.money.CurrencyCode;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coupon requests' own constraints, field by field, without HTTP: what {@code CouponHttpTest} proves once over
 * the wire (a 400 naming the field). The discount rules that need the terms as a whole are {@code CouponTest}'s.
 */
class CouponRequestValidationTest {

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

    private static CreateCouponRequest create(String name, String code, DiscountType type, BigDecimal value,
                                              String currency) {
        return new CreateCouponRequest(name, code, null, type, value, currency, null, null, null, null, null, null,
                null);
    }

    private static CreateCouponRequest sale() {
        return create("Sale", "SALE", DiscountType.PERCENTAGE, BigDecimal.TEN, null);
    }

    private static Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void aValidCreateRequestBecomesTheCommandWithTheCurrencyParsed() {
        CreateCouponRequest request = new CreateCouponRequest("Five off", "FIVE", "first months",
                DiscountType.FIXED_AMOUNT, new BigDecimal("5"), "usd", CouponDuration.REPEATING, 3, 10,
                Instant.parse("2030-01-01T00:00:00Z"), List.of("pln_1"), true, Map.of("campaign", "spring"));

        assertThat(validator.validate(request)).isEmpty();
        assertThat(validator.validate(sale())).isEmpty();
        assertThat(request.coupon()).isEqualTo(new RequestedCoupon("Five off", "FIVE",
                "first months", DiscountType.FIXED_AMOUNT, new BigDecimal("5"), CurrencyCode.USD,
                CouponDuration.REPEATING, 3, 10, Instant.parse("2030-01-01T00:00:00Z"), List.of("pln_1"), true,
                Map.of("campaign", "spring")));
    }

    @Test
    void createNeedsNameCodeDiscountTypeAndValue() {
        assertThat(invalidFields(create(null, "SALE", DiscountType.PERCENTAGE, BigDecimal.TEN, null)))
                .containsExactly("name");
        assertThat(invalidFields(create(" ", "SALE", DiscountType.PERCENTAGE, BigDecimal.TEN, null)))
                .containsExactly("name");
        assertThat(invalidFields(create("Sale", null, DiscountType.PERCENTAGE, BigDecimal.TEN, null)))
                .containsExactly("code");
        assertThat(invalidFields(create("Sale", "SALE", null, BigDecimal.TEN, null))).containsExactly("discountType");
        assertThat(invalidFields(create("Sale", "SALE", DiscountType.PERCENTAGE, null, null)))
                .containsExactly("discountValue");
    }

    @Test
    void createRefusesACodeWithSpacesANonPositiveValueAndAnUnknownCurrency() {
        assertThat(invalidFields(create("Sale", "has spaces", DiscountType.PERCENTAGE, BigDecimal.TEN, null)))
                .containsExactly("code");
        assertThat(invalidFields(create("Sale", "SALE", DiscountType.PERCENTAGE, new BigDecimal("-5"), null)))
                .containsExactly("discountValue");
        assertThat(invalidFields(create("Sale", "SALE", DiscountType.PERCENTAGE, BigDecimal.ZERO, null)))
                .containsExactly("discountValue");
        assertThat(invalidFields(create("Sale", "SALE", DiscountType.FIXED_AMOUNT, BigDecimal.TEN, "XYZ")))
                .containsExactly("currency");
    }

    @Test
    void createRefusesPeriodsAndRedemptionsBelowOneAndBlankPlanIds() {
        assertThat(invalidFields(new CreateCouponRequest("Sale", "SALE", null, DiscountType.PERCENTAGE,
                BigDecimal.TEN, null, CouponDuration.REPEATING, 0, null, null, null, null, null)))
                .containsExactly("durationInPeriods");
        assertThat(invalidFields(new CreateCouponRequest("Sale", "SALE", null, DiscountType.PERCENTAGE,
                BigDecimal.TEN, null, null, null, 0, null, null, null, null))).containsExactly("maxRedemptions");
        assertThat(invalidFields(new CreateCouponRequest("Sale", "SALE", null, DiscountType.PERCENTAGE,
                BigDecimal.TEN, null, null, null, null, null, List.of(" "), null, null)))
                .singleElement().asString().startsWith("planIds[0]");
    }

    @Test
    void anEmptyUpdateIsValidAndChangesNothing() {
        assertThat(validator.validate(UpdateCouponRequest.NO_CHANGES)).isEmpty();
        assertThat(UpdateCouponRequest.NO_CHANGES.changes()).isEqualTo(new RequestedCoupon(
                null, null, null, null, null, null, null, null, null, null, null, null, null));
    }

    @Test
    void updateRefusesABlankNameABadCodeANonPositiveValueAndAnUnknownCurrency() {
        assertThat(invalidFields(new UpdateCouponRequest(" ", null, null, null, null, null, null, null, null, null,
                null, null, null))).containsExactly("name");
        assertThat(invalidFields(new UpdateCouponRequest(null, "has spaces", null, null, null, null, null, null, null,
                null, null, null, null))).containsExactly("code");
        assertThat(invalidFields(new UpdateCouponRequest(null, null, null, null, BigDecimal.ZERO, null, null, null,
                null, null, null, null, null))).containsExactly("discountValue");
        assertThat(invalidFields(new UpdateCouponRequest(null, null, null, null, null, "XYZ", null, null, null, null,
                null, null, null))).containsExactly("currency");
        assertThat(invalidFields(new UpdateCouponRequest(null, null, null, null, null, null, null, 0, 0, null, null,
                null, null))).containsExactlyInAnyOrder("durationInPeriods", "maxRedemptions");
    }
}
