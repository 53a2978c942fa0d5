package com.novabilling.command.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.wallet.CreateWalletCommand;
import com.novabilling.api.wallet.TopUpWalletCommand;
import com.novabilling.api.wallet.UpdateWalletCommand;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wallet requests' own constraints and their commands, field by field, without HTTP: what {@code WalletHttpTest}
 * proves once over the wire (a 400 naming the field). What needs the clock or the rate (an expiry in the past,
 * credits worth less than a minor unit) is the aggregate's, in {@code WalletTest}.
 */
class WalletRequestValidationTest {

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

    private static CreateWalletRequest create(String customerId, String currency, String rateAmount,
                                              String paidCredits, String grantedCredits, Integer priority,
                                              String name) {
        return new CreateWalletRequest(customerId, name, currency, decimal(rateAmount), decimal(paidCredits),
                decimal(grantedCredits), null, priority, null, null);
    }

    private static BigDecimal decimal(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static Set<String> fields(Object request) {
        return validator.validate(request).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
                .collect(Collectors.toSet());
    }

    @Test
    void createNeedsOnlyACustomerAndASupportedCurrency() {
        assertThat(fields(create("cus_1", "usd", null, null, null, null, null))).isEmpty();
        assertThat(fields(create(null, "USD", null, null, null, null, null))).containsExactly("customerId");
        assertThat(fields(create(" ", "USD", null, null, null, null, null))).containsExactly("customerId");
        assertThat(fields(create("cus_1", null, null, null, null, null, null))).containsExactly("currency");
        assertThat(fields(create("cus_1", "XYZ", null, null, null, null, null))).containsExactly("currency");
    }

    @Test
    void createBoundsRateCreditsPriorityAndName() {
        assertThat(fields(create("cus_1", "USD", "0", null, null, null, null))).containsExactly("rateAmount");
        assertThat(fields(create("cus_1", "USD", "-1", null, null, null, null))).containsExactly("rateAmount");
        assertThat(fields(create("cus_1", "USD", "0.0001", "0", "0", null, null))).isEmpty();
        assertThat(fields(create("cus_1", "USD", null, "-1", "-0.5", null, null)))
                .containsExactlyInAnyOrder("paidCredits", "grantedCredits");
        assertThat(fields(create("cus_1", "USD", null, null, null, 0, null))).containsExactly("priority");
        assertThat(fields(create("cus_1", "USD", null, null, null, 51, null))).containsExactly("priority");
        assertThat(fields(create("cus_1", "USD", null, null, null, 1, null))).isEmpty();
        assertThat(fields(create("cus_1", "USD", null, null, null, 50, null))).isEmpty();
        assertThat(fields(create("cus_1", "USD", null, null, null, null, " "))).containsExactly("name");
        assertThat(fields(create("cus_1", "USD", null, null, null, null, "x".repeat(256)))).containsExactly("name");
    }

    @Test
    void createBecomesTheCommandTrimmedWithTheCurrencyParsed() {
        Instant expiry = Instant.parse("2027-01-01T00:00:00Z");
        CreateWalletRequest request = new CreateWalletRequest(" cus_1 ", " Main ", "ugx", new BigDecimal("100"),
                new BigDecimal("2"), new BigDecimal("25"), expiry, 3, true, Map.of("po", "42"));
        assertThat(request.toCommand("wal_1")).isEqualTo(new CreateWalletCommand("wal_1", "cus_1", "Main",
                CurrencyCode.UGX, new BigDecimal("100"), new BigDecimal("2"), new BigDecimal("25"), expiry, 3, true,
                Map.of("po", "42")));
    }

    @Test
    void topUpNeedsAWalletAndNoNegativeCredits() {
        assertThat(fields(new TopUpWalletRequest("wal_1", new BigDecimal("50"), new BigDecimal("5"), null)))
                .isEmpty();
        assertThat(fields(new TopUpWalletRequest(null, new BigDecimal("1"), null, null))).containsExactly("walletId");
        assertThat(fields(new TopUpWalletRequest("wal_1", new BigDecimal("-1"), new BigDecimal("-1"),
                new BigDecimal("-1")))).containsExactlyInAnyOrder("paidCredits", "grantedCredits", "voidedCredits");
        assertThat(new TopUpWalletRequest(" wal_1 ", null, new BigDecimal("5"), BigDecimal.ONE).toCommand("t1"))
                .isEqualTo(new TopUpWalletCommand("wal_1", "t1", null, new BigDecimal("5"), BigDecimal.ONE));
    }

    @Test
    void updateChangesOnlyWhatIsGiven() {
        assertThat(fields(UpdateWalletRequest.NO_CHANGES)).isEmpty();
        assertThat(fields(new UpdateWalletRequest("", null, null))).containsExactly("name");
        assertThat(fields(new UpdateWalletRequest(null, null, 51))).containsExactly("priority");
        assertThat(UpdateWalletRequest.NO_CHANGES.toCommand("wal_1"))
                .isEqualTo(new UpdateWalletCommand("wal_1", null, null, null));
        assertThat(new UpdateWalletRequest(" New ", null, 2).toCommand("wal_1"))
                .isEqualTo(new UpdateWalletCommand("wal_1", "New", null, 2));
    }
}
