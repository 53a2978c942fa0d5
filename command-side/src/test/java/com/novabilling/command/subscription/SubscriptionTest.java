package com.novabilling.command.subscription;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.AdvanceSubscriptionCommand;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelSubscriptionCommand;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.ChangeSubscriptionPlanCommand;
import com.novabilling.api.subscription.CreateSubscriptionCommand;
import com.novabilling.api.subscription.PauseSubscriptionCommand;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.PlanChangeTiming;
import com.novabilling.api.subscription.ResumeSubscriptionCommand;
import com.novabilling.api.subscription.SubscriptionCancellationScheduledEvent;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionMetadataUpdatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.api.subscription.UpdateSubscriptionMetadataCommand;
import com.novabilling.command.subscription.SubscriptionCatalog.CustomerStanding;
import com.novabilling.command.subscription.SubscriptionCatalog.PlanTerms;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The subscription's transitions and the rules of docs/billing-rules.md §10 and §12 (W1 is March 2026: Basic
 * KES 3,000.00, Pro KES 6,000.00, a change at 2026-03-11T12:00Z).
 */
class SubscriptionTest {

    private static final String ID = "sub_0123456789abcdef01234567";
    private static final String KES_CUSTOMER = "cus_kes";
    private static final String CUSTOMER_WITHOUT_CURRENCY = "cus_none";
    private static final String DELETED_CUSTOMER = "cus_gone";
    private static final String BASIC = "pln_basic";
    private static final String PRO = "pln_pro";
    private static final String PRO_YEARLY = "pln_pro_yearly";
    private static final String TRIAL_PLAN = "pln_trial";
    private static final String INACTIVE_PLAN = "pln_old";
    private static final String USD_PLAN = "pln_usd";

    private static final Money BASIC_KES = Money.ofMinor(300_000, CurrencyCode.KES);
    private static final Money PRO_KES = Money.ofMinor(600_000, CurrencyCode.KES);
    private static final Money PRO_YEARLY_KES = Money.ofMinor(7_200_000, CurrencyCode.KES);

    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant MAY_1 = Instant.parse("2026-05-01T00:00:00Z");
    private static final Instant W1_CHANGE = Instant.parse("2026-03-11T12:00:00Z");

    private FixtureConfiguration<Subscription> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Subscription.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource(new FakeSubscriptionCatalog()
                .withCustomer(new CustomerStanding(KES_CUSTOMER, CurrencyCode.KES, false))
                .withCustomer(new CustomerStanding(CUSTOMER_WITHOUT_CURRENCY, null, false))
                .withCustomer(new CustomerStanding(DELETED_CUSTOMER, CurrencyCode.KES, true))
                .withPlan(new PlanTerms(BASIC, "basic", true, BillingInterval.MONTHLY, 0,
                        List.of(BASIC_KES, Money.ofMinor(50_000, CurrencyCode.UGX))))
                .withPlan(new PlanTerms(PRO, "pro", true, BillingInterval.MONTHLY, 0,
                        List.of(PRO_KES, Money.ofMinor(120_000, CurrencyCode.UGX))))
                .withPlan(new PlanTerms(PRO_YEARLY, "pro-yearly", true, BillingInterval.YEARLY, 0,
                        List.of(PRO_YEARLY_KES)))
                .withPlan(new PlanTerms(TRIAL_PLAN, "trial", true, BillingInterval.MONTHLY, 14, List.of(BASIC_KES)))
                .withPlan(new PlanTerms(INACTIVE_PLAN, "old", false, BillingInterval.MONTHLY, 0, List.of(BASIC_KES)))
                .withPlan(new PlanTerms(USD_PLAN, "usd", true, BillingInterval.MONTHLY, 0,
                        List.of(Money.ofMinor(1_000, CurrencyCode.USD)))));
    }

    private static CreateSubscriptionCommand create(String customerId, String planId) {
        return new CreateSubscriptionCommand(ID, customerId, planId, null, null, null, null, null, null);
    }

    private static SubscriptionCreatedEvent activeSince(Instant start, String planId, Money price, Instant periodEnd) {
        return new SubscriptionCreatedEvent(ID, KES_CUSTOMER, planId, BillingInterval.MONTHLY, CurrencyCode.KES, price,
                SubscriptionStatus.ACTIVE, BillingAnchor.ANNIVERSARY, "Z", start, null, null, start, start, periodEnd,
                Map.of());
    }

    /** Basic in KES from 2026-03-01, the subscription of W1. */
    private static final SubscriptionCreatedEvent W1_BASIC = activeSince(MARCH_1, BASIC, BASIC_KES, APRIL_1);

    private static SubscriptionPeriodClosedEvent closed(Instant start, Instant end, Instant nextEnd) {
        return new SubscriptionPeriodClosedEvent(ID, start, end, BASIC, BillingInterval.MONTHLY, CurrencyCode.KES,
                BASIC_KES, start, 0, end, nextEnd, BASIC, BillingInterval.MONTHLY, BASIC_KES);
    }

    @Nested
    class Create {

        @Test
        void monthlyWithoutTrialIsActiveInItsFirstAnniversaryPeriod() {
            Instant jan31 = Instant.parse("2026-01-31T00:00:00Z");
            fixture.givenCurrentTime(jan31)
                    .when(create(KES_CUSTOMER, BASIC))
                    .expectEvents(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, BASIC, BillingInterval.MONTHLY,
                            CurrencyCode.KES, BASIC_KES, SubscriptionStatus.ACTIVE, BillingAnchor.ANNIVERSARY, "Z",
                            jan31, null, null, jan31, jan31, Instant.parse("2026-02-28T00:00:00Z"), Map.of()));
        }

        @Test
        void aPlansFourteenDayTrialMakesItTrialingUntilTrialEnd() {
            Instant start = Instant.parse("2026-03-01T09:30:00Z");
            Instant trialEnd = Instant.parse("2026-03-15T09:30:00Z");
            fixture.givenCurrentTime(start)
                    .when(create(KES_CUSTOMER, TRIAL_PLAN))
                    .expectEvents(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN, BillingInterval.MONTHLY,
                            CurrencyCode.KES, BASIC_KES, SubscriptionStatus.TRIALING, BillingAnchor.ANNIVERSARY, "Z",
                            start, start, trialEnd, null, start, trialEnd, Map.of()));
        }

        @Test
        void trialDaysZeroOverridesThePlansTrialAndInstantsAreKeptToTheSecond() {
            Instant start = Instant.parse("2026-03-01T09:30:00.750Z");
            Instant second = Instant.parse("2026-03-01T09:30:00Z");
            fixture.givenCurrentTime(start)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, TRIAL_PLAN, null, 0, null, null, null, null))
                    .expectEvents(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN, BillingInterval.MONTHLY,
                            CurrencyCode.KES, BASIC_KES, SubscriptionStatus.ACTIVE, BillingAnchor.ANNIVERSARY, "Z",
                            second, null, null, second, second, Instant.parse("2026-04-01T09:30:00Z"), Map.of()));
        }

        @Test
        void calendarAnchorInTheTenantsZoneProratesTheFirstPeriod() {
            Instant start = Instant.parse("2026-01-15T10:00:00Z");
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, CurrencyCode.UGX, null, start,
                            BillingAnchor.CALENDAR, "Africa/Nairobi", Map.of("source", "web")))
                    .expectEvents(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, BASIC, BillingInterval.MONTHLY,
                            CurrencyCode.UGX, Money.ofMinor(50_000, CurrencyCode.UGX), SubscriptionStatus.ACTIVE,
                            BillingAnchor.CALENDAR, "Africa/Nairobi", start, null, null,
                            Instant.parse("2025-12-31T21:00:00Z"), start, Instant.parse("2026-01-31T21:00:00Z"),
                            Map.of("source", "web")));
        }

        @Test
        void withoutCustomerCurrencyThePlansOnlyCurrencyIsUsed() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(CUSTOMER_WITHOUT_CURRENCY, USD_PLAN))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aCurrencyThePlanIsNotPricedInIs400NamingCurrency() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(KES_CUSTOMER, USD_PLAN))
                    .expectException(ValidationException.class)
                    .expectExceptionMessage("currency: plan 'usd' has no price in KES; it is priced in USD")
                    .expectNoEvents();
        }

        @Test
        void noCurrencyAnywhereWithSeveralPlanCurrenciesIs400NamingCurrency() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(CUSTOMER_WITHOUT_CURRENCY, BASIC))
                    .expectException(ValidationException.class)
                    .expectExceptionMessage("currency: is required: customer cus_none has no currency and plan "
                            + "'basic' is priced in KES, UGX")
                    .expectNoEvents();
        }

        @Test
        void aNegativeTrialIs400() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, null, -1, null, null, null, null))
                    .expectException(ValidationException.class)
                    .expectExceptionMessage("trialDays: must be between 0 and 730")
                    .expectNoEvents();
        }

        @Test
        void anUnknownTimeZoneIs400() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, null, null, null, null, "Mars/Base",
                            null))
                    .expectException(ValidationException.class)
                    .expectNoEvents();
        }

        @Test
        void anUnknownCustomerOrPlanIs404() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(create("cus_nobody", BASIC))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(KES_CUSTOMER, "pln_nothing"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aStartMoreThan366DaysAwayIs400() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, null, null,
                            MARCH_1.minus(Duration.ofDays(367)), null, null, null))
                    .expectException(ValidationException.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("startDate"))
                    .expectNoEvents();
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, null, null,
                            MARCH_1.plus(Duration.ofDays(367)), null, null, null))
                    .expectException(ValidationException.class)
                    .expectNoEvents();
        }

        @Test
        void aStartWithinTheBoundsIsAccepted() {
            Instant yearAgo = MARCH_1.minus(Duration.ofDays(366));
            fixture.givenCurrentTime(MARCH_1)
                    .when(new CreateSubscriptionCommand(ID, KES_CUSTOMER, BASIC, null, null, yearAgo, null, null,
                            null))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void aDeletedCustomerOrAnInactivePlanIs409() {
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(DELETED_CUSTOMER, BASIC))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Customer cus_gone is deleted")
                    .expectNoEvents();
            fixture.givenCurrentTime(MARCH_1)
                    .when(create(KES_CUSTOMER, INACTIVE_PLAN))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Plan 'old' is inactive")
                    .expectNoEvents();
        }
    }

    @Nested
    class Advance {

        @Test
        void passingTheTrialEndEndsTheTrialAndStartsTheFirstPeriod() {
            Instant start = Instant.parse("2026-03-01T09:30:00Z");
            Instant trialEnd = Instant.parse("2026-03-15T09:30:00Z");
            SubscriptionCreatedEvent trialing = new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN,
                    BillingInterval.MONTHLY, CurrencyCode.KES, BASIC_KES, SubscriptionStatus.TRIALING,
                    BillingAnchor.ANNIVERSARY, "Z", start, start, trialEnd, null, start, trialEnd, Map.of());
            fixture.given(trialing).andGivenCurrentTime(trialEnd.minusSeconds(1))
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectNoEvents();
            fixture.given(trialing).andGivenCurrentTime(trialEnd.plusSeconds(60))
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(new SubscriptionTrialEndedEvent(ID, start, trialEnd, TRIAL_PLAN,
                            BillingInterval.MONTHLY, CurrencyCode.KES, BASIC_KES, trialEnd, trialEnd,
                            Instant.parse("2026-04-15T09:30:00Z")));
        }

        @Test
        void monthlyStartedJan31ClosesFeb28Mar31Apr30InOrder() {
            Instant jan31 = Instant.parse("2026-01-31T00:00:00Z");
            Instant feb28 = Instant.parse("2026-02-28T00:00:00Z");
            Instant mar31 = Instant.parse("2026-03-31T00:00:00Z");
            Instant apr30 = Instant.parse("2026-04-30T00:00:00Z");
            Instant may31 = Instant.parse("2026-05-31T00:00:00Z");
            fixture.given(activeSince(jan31, BASIC, BASIC_KES, feb28)).andGivenCurrentTime(MAY_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(closed(jan31, feb28, mar31), closed(feb28, mar31, apr30),
                            closed(mar31, apr30, may31));
        }

        @Test
        void pitfall1_theClosedPeriodsOwnBoundariesAreRecordedNotTheNextOnes() {
            fixture.given(W1_BASIC).andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, APRIL_1))
                    .expectEvents(closed(MARCH_1, APRIL_1, MAY_1));
        }

        @Test
        void pitfall2_advancingTwiceOrWithAnEarlierInstantClosesAPeriodOnce() {
            fixture.given(W1_BASIC, closed(MARCH_1, APRIL_1, MAY_1))
                    .andGivenCurrentTime(APRIL_1.plusSeconds(3_600))
                    .when(new AdvanceSubscriptionCommand(ID, APRIL_1))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            fixture.given(W1_BASIC, closed(MARCH_1, APRIL_1, MAY_1))
                    .andGivenCurrentTime(APRIL_1.plusSeconds(3_600))
                    .when(new AdvanceSubscriptionCommand(ID, MARCH_1))
                    .expectNoEvents();
        }

        @Test
        void anInstantAfterTheTenantsNowIs400NamingUpTo() {
            fixture.given(W1_BASIC).andGivenCurrentTime(MARCH_1)
                    .when(new AdvanceSubscriptionCommand(ID, APRIL_1))
                    .expectException(ValidationException.class)
                    .expectNoEvents();
        }

        @Test
        void aCanceledSubscriptionHasNothingDue() {
            fixture.given(W1_BASIC, canceledNowAt(W1_CHANGE)).andGivenCurrentTime(MAY_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    private static SubscriptionCanceledEvent canceledNowAt(Instant at) {
        return new SubscriptionCanceledEvent(ID, CancelTiming.NOW, SubscriptionStatus.ACTIVE, at, BASIC,
                CurrencyCode.KES, BASIC_KES, MARCH_1, APRIL_1, 2_678_400, 907_200, 1_771_200);
    }

    @Nested
    class Cancel {

        @Test
        void w1CancelNowRecordsTheSecondsUsedAndRemaining() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.NOW))
                    .expectEvents(canceledNowAt(W1_CHANGE));
        }

        @Test
        void atPeriodEndItIsScheduledThenCanceledWhenThePeriodCloses() {
            SubscriptionCancellationScheduledEvent scheduled =
                    new SubscriptionCancellationScheduledEvent(ID, W1_CHANGE, APRIL_1, null);
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.PERIOD_END))
                    .expectEvents(scheduled);
            fixture.given(W1_BASIC, scheduled).andGivenCurrentTime(W1_CHANGE)
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.PERIOD_END))
                    .expectNoEvents();
            fixture.given(W1_BASIC, scheduled).andGivenCurrentTime(MAY_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(
                            new SubscriptionPeriodClosedEvent(ID, MARCH_1, APRIL_1, BASIC, BillingInterval.MONTHLY,
                                    CurrencyCode.KES, BASIC_KES, MARCH_1, 0, null, null, null, null, null),
                            new SubscriptionCanceledEvent(ID, CancelTiming.PERIOD_END, SubscriptionStatus.ACTIVE,
                                    APRIL_1, BASIC, CurrencyCode.KES, BASIC_KES, MARCH_1, APRIL_1, 2_678_400,
                                    2_678_400, 0));
        }

        @Test
        void aTrialCanceledAtPeriodEndEndsAtTheTrialEndWithoutBecomingActive() {
            Instant trialEnd = MARCH_1.plusSeconds(14 * 86_400);
            SubscriptionCreatedEvent trialing = new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN,
                    BillingInterval.MONTHLY, CurrencyCode.KES, BASIC_KES, SubscriptionStatus.TRIALING,
                    BillingAnchor.ANNIVERSARY, "Z", MARCH_1, MARCH_1, trialEnd, null, MARCH_1, trialEnd, Map.of());
            fixture.given(trialing, new SubscriptionCancellationScheduledEvent(ID, MARCH_1, trialEnd, null))
                    .andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(new SubscriptionCanceledEvent(ID, CancelTiming.PERIOD_END,
                            SubscriptionStatus.TRIALING, trialEnd, TRIAL_PLAN, CurrencyCode.KES, BASIC_KES, MARCH_1,
                            trialEnd, 1_209_600, 1_209_600, 0));
        }

        @Test
        void aCanceledSubscriptionIs409NamingItsState() {
            fixture.given(W1_BASIC, canceledNowAt(W1_CHANGE)).andGivenCurrentTime(W1_CHANGE.plusSeconds(1))
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.NOW))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is CANCELED")
                    .expectNoEvents();
        }

        @Test
        void cancelingAfterAMissedPeriodEndClosesThatPeriodFirst() {
            Instant april11 = Instant.parse("2026-04-11T00:00:00Z");
            fixture.given(W1_BASIC).andGivenCurrentTime(april11)
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.NOW))
                    .expectEvents(closed(MARCH_1, APRIL_1, MAY_1),
                            new SubscriptionCanceledEvent(ID, CancelTiming.NOW, SubscriptionStatus.ACTIVE, april11,
                                    BASIC, CurrencyCode.KES, BASIC_KES, APRIL_1, MAY_1, 2_592_000, 864_000,
                                    1_728_000));
        }

        @Test
        void schedulingACancellationDropsAPendingDowngrade() {
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1), downgradeToBasicScheduled())
                    .andGivenCurrentTime(W1_CHANGE.plusSeconds(60))
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.PERIOD_END))
                    .expectEvents(new SubscriptionCancellationScheduledEvent(ID, W1_CHANGE.plusSeconds(60), APRIL_1,
                            BASIC));
        }
    }

    private static final Instant W1_RESUME = Instant.parse("2026-03-21T12:00:00Z");
    private static final Instant APRIL_11 = Instant.parse("2026-04-11T00:00:00Z");
    private static final SubscriptionPausedEvent W1_PAUSED = new SubscriptionPausedEvent(ID, W1_CHANGE, MARCH_1,
            APRIL_1);
    private static final SubscriptionResumedEvent W1_RESUMED = new SubscriptionResumedEvent(ID, W1_CHANGE, W1_RESUME,
            864_000, MARCH_1, APRIL_11, 864_000, 864_000);

    @Nested
    class PauseAndResume {

        @Test
        void w1PauseOnMarch11ResumeOnMarch21MovesTheEndToApril11() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(new PauseSubscriptionCommand(ID))
                    .expectEvents(W1_PAUSED);
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(W1_RESUME)
                    .when(new ResumeSubscriptionCommand(ID))
                    .expectEvents(W1_RESUMED);
        }

        @Test
        void w1StretchedPeriodClosesOnApril11AndTheNextEndsOnMay11() {
            fixture.given(W1_BASIC, W1_PAUSED, W1_RESUMED).andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectNoEvents();
            fixture.given(W1_BASIC, W1_PAUSED, W1_RESUMED).andGivenCurrentTime(APRIL_11)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(new SubscriptionPeriodClosedEvent(ID, MARCH_1, APRIL_11, BASIC,
                            BillingInterval.MONTHLY, CurrencyCode.KES, BASIC_KES, MARCH_1, 864_000, APRIL_11,
                            Instant.parse("2026-05-11T00:00:00Z"), BASIC, BillingInterval.MONTHLY, BASIC_KES));
        }

        @Test
        void pitfall13_noRenewalWhilePausedAndResumeMovesThePeriodEnd() {
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(MAY_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
            long pausedSeconds = MAY_1.getEpochSecond() - W1_CHANGE.getEpochSecond();
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(MAY_1)
                    .when(new ResumeSubscriptionCommand(ID))
                    .expectEvents(new SubscriptionResumedEvent(ID, W1_CHANGE, MAY_1, pausedSeconds, MARCH_1,
                            APRIL_1.plusSeconds(pausedSeconds), pausedSeconds, pausedSeconds));
        }

        @Test
        void aSecondPauseInTheSamePeriodAddsUpAndTheNextPeriodFollowsTheStretchedSchedule() {
            Instant april5 = Instant.parse("2026-04-05T00:00:00Z");
            Instant april6 = Instant.parse("2026-04-06T00:00:00Z");
            Instant april12 = Instant.parse("2026-04-12T00:00:00Z");
            SubscriptionPausedEvent pausedAgain = new SubscriptionPausedEvent(ID, april5, MARCH_1, APRIL_11);
            SubscriptionResumedEvent resumedAgain = new SubscriptionResumedEvent(ID, april5, april6, 86_400, MARCH_1,
                    april12, 950_400, 950_400);
            fixture.given(W1_BASIC, W1_PAUSED, W1_RESUMED, pausedAgain).andGivenCurrentTime(april6)
                    .when(new ResumeSubscriptionCommand(ID))
                    .expectEvents(resumedAgain);
            fixture.given(W1_BASIC, W1_PAUSED, W1_RESUMED, pausedAgain, resumedAgain).andGivenCurrentTime(april12)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(new SubscriptionPeriodClosedEvent(ID, MARCH_1, april12, BASIC,
                            BillingInterval.MONTHLY, CurrencyCode.KES, BASIC_KES, MARCH_1, 950_400, april12,
                            Instant.parse("2026-05-12T00:00:00Z"), BASIC, BillingInterval.MONTHLY, BASIC_KES));
        }

        @Test
        void aChangeAfterAPauseCountsOnlyTheUnpausedSeconds() {
            Instant april5 = Instant.parse("2026-04-05T00:00:00Z");
            fixture.given(W1_BASIC, W1_PAUSED, W1_RESUMED).andGivenCurrentTime(april5)
                    .when(changeTo(PRO))
                    .expectEvents(new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                            PlanChangeTiming.IMMEDIATE, false, april5, CurrencyCode.KES, BASIC,
                            BillingInterval.MONTHLY, BASIC_KES, PRO, BillingInterval.MONTHLY, PRO_KES, MARCH_1,
                            APRIL_11, 2_678_400, 25 * 86_400, 6 * 86_400, true, MARCH_1, 864_000, MARCH_1, APRIL_11,
                            864_000));
        }

        @Test
        void cancelingWhilePausedUsesThePeriodUpToThePause() {
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(W1_RESUME)
                    .when(new CancelSubscriptionCommand(ID, CancelTiming.NOW))
                    .expectEvents(new SubscriptionCanceledEvent(ID, CancelTiming.NOW, SubscriptionStatus.PAUSED,
                            W1_RESUME, BASIC, CurrencyCode.KES, BASIC_KES, MARCH_1, APRIL_1, 2_678_400, 907_200,
                            1_771_200));
        }

        @Test
        void illegalTransitionsAre409NamingTheState() {
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(W1_RESUME)
                    .when(new PauseSubscriptionCommand(ID))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is PAUSED")
                    .expectNoEvents();
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_RESUME)
                    .when(new ResumeSubscriptionCommand(ID))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is ACTIVE")
                    .expectNoEvents();
            fixture.given(W1_BASIC, canceledNowAt(W1_CHANGE)).andGivenCurrentTime(W1_RESUME)
                    .when(new PauseSubscriptionCommand(ID))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is CANCELED")
                    .expectNoEvents();
        }

        @Test
        void aTrialCannotBePaused() {
            Instant trialEnd = MARCH_1.plusSeconds(14 * 86_400);
            fixture.given(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN, BillingInterval.MONTHLY,
                            CurrencyCode.KES, BASIC_KES, SubscriptionStatus.TRIALING, BillingAnchor.ANNIVERSARY, "Z",
                            MARCH_1, MARCH_1, trialEnd, null, MARCH_1, trialEnd, Map.of()))
                    .andGivenCurrentTime(W1_CHANGE)
                    .when(new PauseSubscriptionCommand(ID))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is TRIALING")
                    .expectNoEvents();
        }
    }

    private static SubscriptionPlanChangeScheduledEvent downgradeToBasicScheduled() {
        return new SubscriptionPlanChangeScheduledEvent(ID, PlanChangeKind.DOWNGRADE, W1_CHANGE, APRIL_1,
                CurrencyCode.KES, PRO, PRO_KES, BASIC, BillingInterval.MONTHLY, BASIC_KES);
    }

    private static ChangeSubscriptionPlanCommand changeTo(String planId) {
        return new ChangeSubscriptionPlanCommand(ID, planId, null);
    }

    @Nested
    class ChangePlan {

        @Test
        void w1UpgradeBasicToProIsImmediateAndPitfall12KeepsThePeriodEnd() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(PRO))
                    .expectEvents(new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                            PlanChangeTiming.IMMEDIATE, false, W1_CHANGE, CurrencyCode.KES, BASIC,
                            BillingInterval.MONTHLY, BASIC_KES, PRO, BillingInterval.MONTHLY, PRO_KES, MARCH_1, APRIL_1,
                            2_678_400, 907_200, 1_771_200, true, MARCH_1, 0, MARCH_1, APRIL_1, 0));
        }

        @Test
        void pitfall12_afterAnUpgradeThePeriodClosesAtItsOriginalEndOnTheNewPlan() {
            SubscriptionPlanChangedEvent upgraded = new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                    PlanChangeTiming.IMMEDIATE, false, W1_CHANGE, CurrencyCode.KES, BASIC, BillingInterval.MONTHLY,
                    BASIC_KES, PRO, BillingInterval.MONTHLY, PRO_KES, MARCH_1, APRIL_1, 2_678_400, 907_200, 1_771_200,
                    true, MARCH_1, 0, MARCH_1, APRIL_1, 0);
            fixture.given(W1_BASIC, upgraded).andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(new SubscriptionPeriodClosedEvent(ID, MARCH_1, APRIL_1, PRO, BillingInterval.MONTHLY,
                            CurrencyCode.KES, PRO_KES, W1_CHANGE, 0, APRIL_1, MAY_1, PRO, BillingInterval.MONTHLY,
                            PRO_KES));
        }

        @Test
        void anUpgradeToAnotherIntervalRestartsTheAnchorAtTheChange() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(PRO_YEARLY))
                    .expectEvents(new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                            PlanChangeTiming.IMMEDIATE, false, W1_CHANGE, CurrencyCode.KES, BASIC,
                            BillingInterval.MONTHLY, BASIC_KES, PRO_YEARLY, BillingInterval.YEARLY, PRO_YEARLY_KES,
                            MARCH_1, APRIL_1, 2_678_400, 907_200, 1_771_200, false, W1_CHANGE, 0, W1_CHANGE,
                            Instant.parse("2027-03-11T12:00:00Z"), 0));
        }

        @Test
        void w1DowngradeProToBasicWaitsForThePeriodEnd() {
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1)).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(BASIC))
                    .expectEvents(downgradeToBasicScheduled());
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1), downgradeToBasicScheduled())
                    .andGivenCurrentTime(W1_CHANGE.plusSeconds(5))
                    .when(changeTo(BASIC))
                    .expectNoEvents();
        }

        @Test
        void aPendingDowngradeIsAppliedWhenThePeriodCloses() {
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1), downgradeToBasicScheduled())
                    .andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectEvents(
                            new SubscriptionPeriodClosedEvent(ID, MARCH_1, APRIL_1, PRO, BillingInterval.MONTHLY,
                                    CurrencyCode.KES, PRO_KES, MARCH_1, 0, APRIL_1, MAY_1, BASIC,
                                    BillingInterval.MONTHLY, BASIC_KES),
                            new SubscriptionPlanChangedEvent(ID, PlanChangeKind.DOWNGRADE, PlanChangeTiming.PERIOD_END,
                                    false, APRIL_1, CurrencyCode.KES, PRO, BillingInterval.MONTHLY, PRO_KES, BASIC,
                                    BillingInterval.MONTHLY, BASIC_KES, MARCH_1, APRIL_1, 2_678_400, 2_678_400, 0,
                                    true, MARCH_1, 0, APRIL_1, MAY_1, 0));
        }

        @Test
        void aLaterUpgradeReplacesAPendingDowngrade() {
            SubscriptionPlanChangedEvent upgradedToYearly = new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                    PlanChangeTiming.IMMEDIATE, false, W1_RESUME, CurrencyCode.KES, PRO, BillingInterval.MONTHLY,
                    PRO_KES, PRO_YEARLY, BillingInterval.YEARLY, PRO_YEARLY_KES, MARCH_1, APRIL_1, 2_678_400,
                    1_771_200, 907_200, false, W1_RESUME, 0, W1_RESUME, Instant.parse("2027-03-21T12:00:00Z"), 0);
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1), downgradeToBasicScheduled())
                    .andGivenCurrentTime(W1_RESUME)
                    .when(changeTo(PRO_YEARLY))
                    .expectEvents(upgradedToYearly);
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1), downgradeToBasicScheduled(), upgradedToYearly)
                    .andGivenCurrentTime(APRIL_1)
                    .when(new AdvanceSubscriptionCommand(ID, null))
                    .expectNoEvents();
        }

        @Test
        void duringATrialAChangeAppliesAtOnce() {
            Instant trialEnd = MARCH_1.plusSeconds(14 * 86_400);
            fixture.given(new SubscriptionCreatedEvent(ID, KES_CUSTOMER, TRIAL_PLAN, BillingInterval.MONTHLY,
                            CurrencyCode.KES, BASIC_KES, SubscriptionStatus.TRIALING, BillingAnchor.ANNIVERSARY, "Z",
                            MARCH_1, MARCH_1, trialEnd, null, MARCH_1, trialEnd, Map.of()))
                    .andGivenCurrentTime(MARCH_1.plusSeconds(86_400))
                    .when(changeTo(PRO_YEARLY))
                    .expectEvents(new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE,
                            PlanChangeTiming.IMMEDIATE, true, MARCH_1.plusSeconds(86_400), CurrencyCode.KES,
                            TRIAL_PLAN, BillingInterval.MONTHLY, BASIC_KES, PRO_YEARLY, BillingInterval.YEARLY,
                            PRO_YEARLY_KES, MARCH_1, trialEnd, 1_209_600, 86_400, 1_123_200, true, null, 0, MARCH_1,
                            trialEnd, 0));
        }

        @Test
        void theSamePlanIs409() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(BASIC))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is already on plan " + BASIC)
                    .expectNoEvents();
        }

        @Test
        void aPlanWithoutTheSubscriptionsCurrencyOrInactiveIs409AndAnUnknownOne404() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(USD_PLAN))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Plan 'usd' has no price in KES, the currency of subscription " + ID)
                    .expectNoEvents();
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(INACTIVE_PLAN))
                    .expectException(ConflictException.class)
                    .expectNoEvents();
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo("pln_nothing"))
                    .expectException(NotFoundException.class)
                    .expectNoEvents();
        }

        @Test
        void aPausedOrCanceledSubscriptionIs409() {
            fixture.given(W1_BASIC, W1_PAUSED).andGivenCurrentTime(W1_RESUME)
                    .when(changeTo(PRO))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is PAUSED")
                    .expectNoEvents();
            fixture.given(W1_BASIC, canceledNowAt(W1_CHANGE)).andGivenCurrentTime(W1_RESUME)
                    .when(changeTo(PRO))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is CANCELED")
                    .expectNoEvents();
        }

        @Test
        void aDowngradeWhileACancellationIsScheduledIs409() {
            fixture.given(activeSince(MARCH_1, PRO, PRO_KES, APRIL_1),
                            new SubscriptionCancellationScheduledEvent(ID, MARCH_1, APRIL_1, null))
                    .andGivenCurrentTime(W1_CHANGE)
                    .when(changeTo(BASIC))
                    .expectException(ConflictException.class)
                    .expectExceptionMessage("Subscription " + ID + " is scheduled to cancel at " + APRIL_1)
                    .expectNoEvents();
        }
    }

    @Nested
    class Metadata {

        @Test
        void newMetadataIsRecordedAndTheSameAgainChangesNothing() {
            fixture.given(W1_BASIC).andGivenCurrentTime(W1_CHANGE)
                    .when(new UpdateSubscriptionMetadataCommand(ID, Map.of("team", "ops")))
                    .expectEvents(new SubscriptionMetadataUpdatedEvent(ID, Map.of("team", "ops")));
            fixture.given(W1_BASIC, new SubscriptionMetadataUpdatedEvent(ID, Map.of("team", "ops")))
                    .andGivenCurrentTime(W1_CHANGE)
                    .when(new UpdateSubscriptionMetadataCommand(ID, Map.of("team", "ops")))
                    .expectNoEvents();
        }
    }
}
