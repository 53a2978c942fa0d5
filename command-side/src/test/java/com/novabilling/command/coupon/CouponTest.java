package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.ApplyCouponCommand;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CreateCouponCommand;
import com.novabilling.api.coupon.DeleteCouponCommand;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.RecordCouponUsageCommand;
import com.novabilling.api.coupon.RemoveAppliedCouponCommand;
import com.novabilling.api.coupon.RequestedCoupon;
import com.novabilling.api.coupon.UpdateCouponCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.plan.PlanLookup;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.InMemoryResourceCodes;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

class CouponTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final String ID = "cpn_0123456789abcdef01234567";
    private static final String PLAN = "pln_0123456789abcdef01234567";
    private static final String JANE = "cus_jane";
    private static final String JOHN = "cus_john";
    private static final String APPLIED = "apc_0123456789abcdef01234567";
    private static final CouponDiscount TEN_PERCENT = CouponDiscount.percentageOf(BigDecimal.TEN);
    private static final CouponDiscount FIVE_USD = CouponDiscount.fixed(Money.ofMinor(500, CurrencyCode.USD));

    private static final CouponCreatedEvent WELCOME_CREATED = new CouponCreatedEvent(ID, new CouponDetails("Welcome",
            "WELCOME10", null, TEN_PERCENT, CouponDuration.ONCE, null, null, null, List.of(), true, Map.of()));
    private static final CouponCreatedEvent FIVE_USD_CREATED = new CouponCreatedEvent(ID, new CouponDetails("Five off",
            "FIVE", null, FIVE_USD, CouponDuration.FOREVER, null, 2, NOW.plusSeconds(3600), List.of(), true, Map.of()));

    private FixtureConfiguration<Coupon> fixture;
    private InMemoryResourceCodes codes;
    private final Map<String, CustomerLookup.CustomerFacts> customers = new HashMap<>();
    private final Map<String, PlanLookup.PlanFacts> plans = new HashMap<>();
    private final Map<String, String> guardReasons = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
        codes = new InMemoryResourceCodes();
        customers.put(JANE, new CustomerLookup.CustomerFacts(JANE, CurrencyCode.USD));
        customers.put(JOHN, new CustomerLookup.CustomerFacts(JOHN, null));
        plans.put(PLAN, new PlanLookup.PlanFacts(PLAN, "pro", true, List.of(CurrencyCode.USD)));
        DeletionGuard guard = (resource, id) -> Optional.ofNullable(guardReasons.get(resource + "/" + id));
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource(new DeletionPolicy(List.of(guard)));
        fixture.registerInjectableResource(new CustomerLookup() {
            @Override
            public boolean emailTaken(String email, String exceptCustomerId) {
                return false;
            }

            @Override
            public boolean externalIdTaken(String externalId, String exceptCustomerId) {
                return false;
            }

            @Override
            public Optional<CustomerFacts> find(String customerId) {
                return Optional.ofNullable(customers.get(customerId));
            }
        });
        fixture.registerInjectableResource(new PlanLookup() {
            @Override
            public Optional<PlanFacts> find(String planId) {
                return Optional.ofNullable(plans.get(planId));
            }

            @Override
            public Optional<PriceFacts> findPrice(String priceId) {
                return Optional.empty();
            }
        });
    }

    private static CreateCouponCommand create(DiscountType type, String value, CurrencyCode currency,
                                              CouponDuration duration, Integer periods) {
        return new CreateCouponCommand(ID, new RequestedCoupon("Welcome", "WELCOME10", null, type,
                new BigDecimal(value), currency, duration, periods, null, null, null, null, null));
    }

    private static CouponAppliedEvent applied(String appliedId, String customerId, CouponCreatedEvent created,
                                              int count) {
        CouponDetails coupon = created.details();
        return new CouponAppliedEvent(ID, appliedId, coupon.code(), customerId, coupon.discount(), coupon.duration(),
                coupon.durationInPeriods(), count);
    }

    // --- create ---------------------------------------------------------------------------------------------------

    @Test
    void createsPercentageCouponWithDefaults() {
        fixture.givenCurrentTime(NOW)
                .when(create(DiscountType.PERCENTAGE, "10.00", null, null, null))
                .expectSuccessfulHandlerExecution()
                .expectEvents(WELCOME_CREATED);
    }

    @Test
    void createsFixedAmountCouponInMinorUnitsWithPlanScopeWithoutDuplicates() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateCouponCommand(ID, new RequestedCoupon("Five off", "FIVE", "desc",
                        DiscountType.FIXED_AMOUNT, new BigDecimal("5"), CurrencyCode.USD, CouponDuration.REPEATING,
                        3, 100, NOW.plusSeconds(60), List.of(PLAN, PLAN), false, Map.of("campaign", "spring"))))
                .expectEvents(new CouponCreatedEvent(ID, new CouponDetails("Five off", "FIVE", "desc", FIVE_USD,
                        CouponDuration.REPEATING, 3, 100, NOW.plusSeconds(60), List.of(PLAN), false,
                        Map.of("campaign", "spring"))));
    }

    @Test
    void refusesCodeHeldByAnotherCoupon() {
        codes.with(CodeKind.COUPON, "WELCOME10", "cpn_other");
        fixture.givenCurrentTime(NOW)
                .when(create(DiscountType.PERCENTAGE, "10", null, null, null))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("A coupon with code 'WELCOME10' already exists");
    }

    @Test
    void refusesPercentageAbove100OrWithMoreThanFourDecimals() {
        refusedOn(create(DiscountType.PERCENTAGE, "150", null, null, null), "discountValue");
        refusedOn(create(DiscountType.PERCENTAGE, "12.34567", null, null, null), "discountValue");
        fixture.givenCurrentTime(NOW).when(create(DiscountType.PERCENTAGE, "12.3456", null, null, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesZeroOrNegativeValues() {
        refusedOn(create(DiscountType.PERCENTAGE, "0", null, null, null), "discountValue");
        refusedOn(create(DiscountType.FIXED_AMOUNT, "-5", CurrencyCode.USD, null, null), "discountValue");
    }

    @Test
    void refusesCurrencyForPercentageAndRequiresItForFixedAmount() {
        refusedOn(create(DiscountType.PERCENTAGE, "10", CurrencyCode.USD, null, null), "currency");
        refusedOn(create(DiscountType.FIXED_AMOUNT, "10", null, null, null), "currency");
    }

    @Test
    void refusesMoreDecimalsThanTheCurrencyHas() {
        refusedOn(create(DiscountType.FIXED_AMOUNT, "100.5", CurrencyCode.UGX, null, null), "discountValue");
        refusedOn(create(DiscountType.FIXED_AMOUNT, "1.005", CurrencyCode.KES, null, null), "discountValue");
    }

    @Test
    void periodsAreRequiredForRepeatingAndRefusedOtherwise() {
        refusedOn(create(DiscountType.PERCENTAGE, "10", null, CouponDuration.REPEATING, null), "durationInPeriods");
        refusedOn(create(DiscountType.PERCENTAGE, "10", null, CouponDuration.REPEATING, 0), "durationInPeriods");
        refusedOn(create(DiscountType.PERCENTAGE, "10", null, CouponDuration.ONCE, 3), "durationInPeriods");
        refusedOn(create(DiscountType.PERCENTAGE, "10", null, CouponDuration.FOREVER, 3), "durationInPeriods");
        refusedOn(create(DiscountType.PERCENTAGE, "10", null, null, 3), "durationInPeriods");
    }

    @Test
    void reportsEveryInvalidTermAtOnce() {
        refusedOn(create(DiscountType.FIXED_AMOUNT, "10", null, CouponDuration.ONCE, 2), "currency", "durationInPeriods");
    }

    @Test
    void refusesExpiryThatIsNotInTheFuture() {
        refusedOn(new CreateCouponCommand(ID, new RequestedCoupon("Welcome", "WELCOME10", null, DiscountType.PERCENTAGE,
                BigDecimal.TEN, null, null, null, null, NOW, null, null, null)), "expiresAt");
    }

    @Test
    void refusesMaxRedemptionsBelowOne() {
        refusedOn(new CreateCouponCommand(ID, new RequestedCoupon("Welcome", "WELCOME10", null, DiscountType.PERCENTAGE,
                BigDecimal.TEN, null, null, null, 0, null, null, null, null)), "maxRedemptions");
    }

    @Test
    void refusesUnknownPlan() {
        fixture.givenCurrentTime(NOW)
                .when(new CreateCouponCommand(ID, new RequestedCoupon("Welcome", "WELCOME10", null,
                        DiscountType.PERCENTAGE, BigDecimal.TEN, null, null, null, null, null,
                        List.of(PLAN, "pln_missing"), null, null)))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Plan with id 'pln_missing' not found");
    }

    // --- update ---------------------------------------------------------------------------------------------------

    @Test
    void updateCarriesTheFullNewState() {
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon("Welcome!", "WELCOME", null, null,
                        new BigDecimal("15"), null, null, null, 5, NOW.plusSeconds(10), List.of(PLAN), false,
                        Map.of("a", 1))))
                .expectEvents(new CouponUpdatedEvent(ID, new CouponDetails("Welcome!", "WELCOME", null,
                        CouponDiscount.percentageOf(new BigDecimal("15")), CouponDuration.ONCE, null, 5,
                        NOW.plusSeconds(10), List.of(PLAN), false, Map.of("a", 1))));
    }

    @Test
    void updateThatChangesNothingAppliesNoEvent() {
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon("Welcome", "WELCOME10", null,
                        DiscountType.PERCENTAGE, new BigDecimal("10.0"), null, null, null, null, null, null, true,
                        null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void switchingToFixedAmountNeedsValueAndCurrency() {
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, DiscountType.FIXED_AMOUNT, null,
                        null, null, null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage("discountValue: is required when discountType changes");
        refusedOn(List.of(WELCOME_CREATED), new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null,
                DiscountType.FIXED_AMOUNT, BigDecimal.ONE, null, null, null, null, null, null, null, null)), "currency");
    }

    @Test
    void switchingToPercentageDropsTheCurrencyAndLeavingRepeatingDropsThePeriods() {
        CouponCreatedEvent repeatingFixed = new CouponCreatedEvent(ID, new CouponDetails("Five off", "FIVE", null,
                FIVE_USD, CouponDuration.REPEATING, 3, null, null, List.of(), true, Map.of()));
        fixture.given(repeatingFixed).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, DiscountType.PERCENTAGE,
                        new BigDecimal("20"), null, CouponDuration.FOREVER, null, null, null, null, null, null)))
                .expectEvents(new CouponUpdatedEvent(ID, new CouponDetails("Five off", "FIVE", null,
                        CouponDiscount.percentageOf(new BigDecimal("20")), CouponDuration.FOREVER, null, null, null,
                        List.of(), true, Map.of())));
    }

    @Test
    void updateRefusesInvalidMergedTerms() {
        CouponCreatedEvent fiftyCents = new CouponCreatedEvent(ID, new CouponDetails("Half", "HALF", null,
                CouponDiscount.fixed(Money.ofMinor(50, CurrencyCode.USD)), CouponDuration.ONCE, null, null, null,
                List.of(), true, Map.of()));
        refusedOn(List.of(fiftyCents), new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null,
                CurrencyCode.UGX, null, null, null, null, null, null, null)), "discountValue");
        refusedOn(List.of(WELCOME_CREATED), new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null,
                null, null, CouponDuration.REPEATING, null, null, null, null, null, null)), "durationInPeriods");
        refusedOn(List.of(WELCOME_CREATED), new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null,
                null, null, null, null, null, NOW.minusSeconds(1), null, null, null)), "expiresAt");
    }

    @Test
    void discountTermsAreFrozenOnceApplied() {
        List<Object> history = List.of(FIVE_USD_CREATED, applied(APPLIED, JANE, FIVE_USD_CREATED, 1));
        Map<String, UpdateCouponCommand> changes = Map.of(
                "discountType", new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null,
                        DiscountType.PERCENTAGE, BigDecimal.TEN, null, null, null, null, null, null, null, null)),
                "discountValue", new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null,
                        new BigDecimal("6"), null, null, null, null, null, null, null, null)),
                "currency", new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null,
                        CurrencyCode.EUR, null, null, null, null, null, null, null)),
                "duration", new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null, null,
                        CouponDuration.ONCE, null, null, null, null, null, null)),
                "durationInPeriods", new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null, null,
                        null, 4, null, null, null, null, null)));
        changes.forEach((field, command) -> fixture.given(history).andGivenCurrentTime(NOW)
                .when(command)
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("so its " + field + " can no longer change")));
    }

    @Test
    void resendingTheFrozenTermsUnchangedIsAllowed() {
        fixture.given(FIVE_USD_CREATED, applied(APPLIED, JANE, FIVE_USD_CREATED, 1)).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon("Renamed", null, null, DiscountType.FIXED_AMOUNT,
                        new BigDecimal("5.00"), CurrencyCode.USD, CouponDuration.FOREVER, null, null, null, null,
                        null, null)))
                .expectEvents(new CouponUpdatedEvent(ID, new CouponDetails("Renamed", "FIVE", null, FIVE_USD,
                        CouponDuration.FOREVER, null, 2, NOW.plusSeconds(3600), List.of(), true, Map.of())));
    }

    @Test
    void maxRedemptionsCannotGoBelowTheRedemptionsMade() {
        fixture.given(FIVE_USD_CREATED, applied(APPLIED, JANE, FIVE_USD_CREATED, 1),
                        applied("apc_2", JOHN, FIVE_USD_CREATED, 2))
                .andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null, null, null, null, 1,
                        null, null, null, null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("maxRedemptions cannot be lower than the 2 redemptions coupon 'FIVE' already has");
    }

    @Test
    void updateRefusesCodeOfAnotherCouponAndUnknownPlans() {
        codes.with(CodeKind.COUPON, "TAKEN", "cpn_other");
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon(null, "TAKEN", null, null, null, null, null, null,
                        null, null, null, null, null)))
                .expectException(ConflictException.class)
                .expectExceptionMessage("A coupon with code 'TAKEN' already exists");
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new UpdateCouponCommand(ID, new RequestedCoupon(null, null, null, null, null, null, null, null,
                        null, null, List.of("pln_gone"), null, null)))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Plan with id 'pln_gone' not found");
    }

    // --- apply ----------------------------------------------------------------------------------------------------

    @Test
    void appliesToACustomerWithTheTermsInForceAndCountsTheRedemption() {
        fixture.given(FIVE_USD_CREATED).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, JANE))
                .expectEvents(applied(APPLIED, JANE, FIVE_USD_CREATED, 1));
    }

    @Test
    void appliesFixedAmountToACustomerWithoutCurrency() {
        fixture.given(FIVE_USD_CREATED).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, JOHN))
                .expectEvents(applied(APPLIED, JOHN, FIVE_USD_CREATED, 1));
    }

    @Test
    void refusesUnknownCustomer() {
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, "cus_missing"))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Customer with id 'cus_missing' not found");
    }

    @Test
    void refusesInactiveCoupon() {
        CouponUpdatedEvent deactivated = new CouponUpdatedEvent(ID, new CouponDetails("Welcome", "WELCOME10", null,
                TEN_PERCENT, CouponDuration.ONCE, null, null, null, List.of(), false, Map.of()));
        fixture.given(WELCOME_CREATED, deactivated).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, JANE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'WELCOME10' is inactive");
    }

    @Test
    void refusesExpiredCouponFromTheExpiryInstantOn() {
        fixture.given(FIVE_USD_CREATED).andGivenCurrentTime(NOW.plusSeconds(3600))
                .when(new ApplyCouponCommand(ID, APPLIED, JANE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'FIVE' expired at " + NOW.plusSeconds(3600));
        fixture.given(FIVE_USD_CREATED).andGivenCurrentTime(NOW.plusSeconds(3599))
                .when(new ApplyCouponCommand(ID, APPLIED, JANE))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesExhaustedCouponEvenAfterApplicationsWereRemoved() {
        customers.put("cus_other", new CustomerLookup.CustomerFacts("cus_other", null));
        fixture.given(FIVE_USD_CREATED, applied(APPLIED, JANE, FIVE_USD_CREATED, 1),
                        applied("apc_2", JOHN, FIVE_USD_CREATED, 2),
                        new AppliedCouponRemovedEvent(ID, APPLIED, JANE))
                .andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, "apc_3", "cus_other"))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'FIVE' has reached its maximum of 2 redemptions");
    }

    @Test
    void refusesSecondActiveApplicationOnACustomerButAllowsReapplyingAfterRemoval() {
        customers.put("cus_other", new CustomerLookup.CustomerFacts("cus_other", null));
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1)).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, "apc_2", JANE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'WELCOME10' is already applied to customer 'cus_jane'");
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new AppliedCouponRemovedEvent(ID, APPLIED, JANE))
                .andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, "apc_2", JANE))
                .expectEvents(applied("apc_2", JANE, WELCOME_CREATED, 2));
    }

    @Test
    void refusesFixedAmountInAnotherCurrencyThanTheCustomers() {
        customers.put("cus_kes", new CustomerLookup.CustomerFacts("cus_kes", CurrencyCode.KES));
        fixture.given(FIVE_USD_CREATED).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, "cus_kes"))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'FIVE' discounts USD but customer 'cus_kes' is billed in KES");
    }

    @Test
    void percentageCouponIgnoresTheCustomersCurrency() {
        customers.put("cus_kes", new CustomerLookup.CustomerFacts("cus_kes", CurrencyCode.KES));
        fixture.given(WELCOME_CREATED).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, "cus_kes"))
                .expectEvents(applied(APPLIED, "cus_kes", WELCOME_CREATED, 1));
    }

    // --- remove an application ------------------------------------------------------------------------------------

    @Test
    void removesAnApplication() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1))
                .when(new RemoveAppliedCouponCommand(ID, APPLIED))
                .expectEvents(new AppliedCouponRemovedEvent(ID, APPLIED, JANE));
    }

    @Test
    void refusesRemovingTwiceOrAnUnknownApplication() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new AppliedCouponRemovedEvent(ID, APPLIED, JANE))
                .when(new RemoveAppliedCouponCommand(ID, APPLIED))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied coupon '" + APPLIED + "' is already removed");
        fixture.given(WELCOME_CREATED)
                .when(new RemoveAppliedCouponCommand(ID, "apc_unknown"))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Applied coupon with id 'apc_unknown' not found");
    }

    // --- usage by invoices -----------------------------------------------------------------------------------------

    private static final Money KES_100 = Money.ofMinor(10000, CurrencyCode.KES);

    @Test
    void recordsWhatAnInvoiceTookAndLeavesTheApplicationActiveUntilExhausted() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1))
                .when(new RecordCouponUsageCommand(ID, APPLIED, "inv_1", KES_100, 1, null, false))
                .expectEvents(new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 1, null, false));
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 1, null, false))
                .when(new RecordCouponUsageCommand(ID, APPLIED, "inv_2", KES_100, 0, null, true))
                .expectEvents(new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_2", KES_100, 0, null, true));
    }

    @Test
    void recordingTheSameInvoiceAgainChangesNothing() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 0, null, true))
                .when(new RecordCouponUsageCommand(ID, APPLIED, "inv_1", KES_100, 0, null, true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anExhaustedOrRemovedApplicationTakesNoUsageAndAnExhaustedOneIsNotRemoved() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 0, null, true))
                .when(new RecordCouponUsageCommand(ID, APPLIED, "inv_2", KES_100, 0, null, true))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied coupon '" + APPLIED + "' is EXHAUSTED and discounts no invoice");
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 0, null, true))
                .when(new RemoveAppliedCouponCommand(ID, APPLIED))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied coupon '" + APPLIED + "' is EXHAUSTED");
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new AppliedCouponRemovedEvent(ID, APPLIED, JANE))
                .when(new RecordCouponUsageCommand(ID, APPLIED, "inv_1", KES_100, null, null, false))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied coupon '" + APPLIED + "' is REMOVED and discounts no invoice");
        fixture.given(WELCOME_CREATED)
                .when(new RecordCouponUsageCommand(ID, "apc_unknown", "inv_1", KES_100, null, null, false))
                .expectNoEvents()
                .expectException(NotFoundException.class);
    }

    @Test
    void anExhaustedApplicationNoLongerCountsAsTheCustomersActiveCoupon() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new CouponUsageRecordedEvent(ID, APPLIED, JANE, "inv_1", KES_100, 0, null, true))
                .when(new DeleteCouponCommand(ID))
                .expectSuccessfulHandlerExecution();
    }

    // --- delete ---------------------------------------------------------------------------------------------------

    @Test
    void deletesCouponWhoseApplicationsAreAllRemoved() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1),
                        new AppliedCouponRemovedEvent(ID, APPLIED, JANE))
                .when(new DeleteCouponCommand(ID))
                .expectEvents(new CouponDeletedEvent(ID, "WELCOME10"))
                .expectMarkedDeleted();
    }

    @Test
    void refusesDeletionWhileApplied() {
        fixture.given(WELCOME_CREATED, applied(APPLIED, JANE, WELCOME_CREATED, 1))
                .when(new DeleteCouponCommand(ID))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon 'WELCOME10' is applied to 1 customer; remove the applied coupons before deleting it");
    }

    @Test
    void guardOfAnotherFeatureBlocksDeletion() {
        guardReasons.put("COUPON/" + ID, "Coupon is used by a subscription");
        fixture.given(WELCOME_CREATED)
                .when(new DeleteCouponCommand(ID))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Coupon is used by a subscription");
    }

    @Test
    void deletedCouponAcceptsNoCommands() {
        fixture.given(WELCOME_CREATED, new CouponDeletedEvent(ID, "WELCOME10")).andGivenCurrentTime(NOW)
                .when(new ApplyCouponCommand(ID, APPLIED, JANE))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private void refusedOn(Object command, String... fields) {
        refusedOn(List.of(), command, fields);
    }

    /** Expects a ValidationException naming exactly {@code fields}, in order, and no events. */
    private void refusedOn(List<Object> history, Object command, String... fields) {
        List<String> reported = new ArrayList<>();
        fixture.given(history).andGivenCurrentTime(NOW)
                .when(command)
                .expectNoEvents()
                .expectException(new CustomMatcher<Object>("a ValidationException") {
                    @Override
                    public boolean matches(Object item) {
                        if (!(item instanceof ValidationException e)) {
                            return false;
                        }
                        reported.clear();
                        e.errors().stream().map(FieldError::field).forEach(reported::add);
                        return true;
                    }
                });
        assertThat(reported).containsExactly(fields);
    }
}
