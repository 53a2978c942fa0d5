package com.novabilling.command.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.AddPlanPriceCommand;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.CreatePlanCommand;
import com.novabilling.api.plan.DeletePlanCommand;
import com.novabilling.api.plan.PlanCreatedEvent;
import com.novabilling.api.plan.PlanDeletedEvent;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPrice;
import com.novabilling.api.plan.PlanPriceAddedEvent;
import com.novabilling.api.plan.PlanPriceRemovedEvent;
import com.novabilling.api.plan.PlanPriceUpdatedEvent;
import com.novabilling.api.plan.PlanUpdatedEvent;
import com.novabilling.api.plan.RemovePlanPriceCommand;
import com.novabilling.api.plan.UpdatePlanCommand;
import com.novabilling.api.plan.UpdatePlanPriceCommand;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.InMemoryResourceCodes;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class PlanTest {

    private static final String ID = "pln_0123456789abcdef01234567";
    private static final PlanPrice USD = new PlanPrice("prc_usd", Money.ofMinor(4999, CurrencyCode.USD));
    private static final PlanCreatedEvent PRO_CREATED = new PlanCreatedEvent(ID, new PlanDetails("Pro Plan", "pro",
            "For growing teams", BillingInterval.MONTHLY, List.of("Unlimited users"), 0, BillingTiming.IN_ADVANCE, null,
            null, true, Map.of()), List.of(USD));

    private FixtureConfiguration<Plan> fixture;
    private InMemoryResourceCodes codes;
    private final Map<String, String> guardReasons = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Plan.class);
        codes = new InMemoryResourceCodes();
        DeletionGuard guard = (resource, id) -> Optional.ofNullable(guardReasons.get(resource + "/" + id));
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(new DeletionPolicy(List.of(guard)));
    }

    @Test
    void createsPlanWithDefaults() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand(ID, new PlanDetails("Pro Plan", "pro", "For growing teams",
                        BillingInterval.MONTHLY, List.of("Unlimited users"), null, null, null, null, null, null),
                        List.of(USD)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(PRO_CREATED);
    }

    @Test
    void refusesCodeHeldByAnotherPlan() {
        codes.with(CodeKind.PLAN, "pro", "pln_other");
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY, null,
                        null, null, null, null, null, null), List.of()))
                .expectException(ConflictException.class)
                .expectExceptionMessage("A plan with code 'pro' already exists")
                .expectNoEvents();
    }

    @Test
    void refusesTwoPricesInOneCurrency() {
        PlanPrice again = new PlanPrice("prc_usd2", Money.ofMinor(100, CurrencyCode.USD));
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY, null,
                        null, null, null, null, null, null), List.of(USD, again)))
                .expectException(ValidationException.class)
                .expectExceptionMessage("prices[1].currency: a plan has one price per currency; USD is listed twice");
    }

    @Test
    void updateKeepsAbsentFieldsAndRecordsNothingWhenUnchanged() {
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanCommand(ID, new PlanDetails("Pro Plan v2", null, null, null, null, 14, null, null,
                        null, false, null)))
                .expectEvents(new PlanUpdatedEvent(ID, new PlanDetails("Pro Plan v2", "pro", "For growing teams",
                        BillingInterval.MONTHLY, List.of("Unlimited users"), 14, BillingTiming.IN_ADVANCE, null, null,
                        false, Map.of())));
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanCommand(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY, null,
                        0, null, null, null, true, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void changingTheCodeChecksItIsFree() {
        codes.with(CodeKind.PLAN, "basic", "pln_other");
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanCommand(ID, new PlanDetails(null, "basic", null, null, null, null, null, null, null,
                        null, null)))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void addsUpdatesAndRemovesPrices() {
        Money kes = Money.ofMinor(650000, CurrencyCode.KES);
        fixture.given(PRO_CREATED)
                .when(new AddPlanPriceCommand(ID, "prc_kes", kes))
                .expectEvents(new PlanPriceAddedEvent(ID, "prc_kes", kes));
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanPriceCommand(ID, "prc_usd", null, new BigDecimal("59.99")))
                .expectEvents(new PlanPriceUpdatedEvent(ID, "prc_usd", Money.ofMinor(5999, CurrencyCode.USD)));
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanPriceCommand(ID, "prc_usd", CurrencyCode.USD, new BigDecimal("49.990")))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(PRO_CREATED)
                .when(new RemovePlanPriceCommand(ID, "prc_usd"))
                .expectEvents(new PlanPriceRemovedEvent(ID, "prc_usd", CurrencyCode.USD));
    }

    @Test
    void refusesASecondPriceInACurrencyAndUnknownPrices() {
        fixture.given(PRO_CREATED)
                .when(new AddPlanPriceCommand(ID, "prc_2", Money.ofMinor(1, CurrencyCode.USD)))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Plan already has a USD price; update that price instead");
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanPriceCommand(ID, "prc_missing", null, BigDecimal.ONE))
                .expectException(NotFoundException.class);
        fixture.given(PRO_CREATED)
                .when(new RemovePlanPriceCommand(ID, "prc_missing"))
                .expectException(NotFoundException.class);
    }

    @Test
    void priceUpdateRefusesAnotherCurrencyAndExtraDecimals() {
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanPriceCommand(ID, "prc_usd", CurrencyCode.EUR, BigDecimal.TEN))
                .expectException(ValidationException.class)
                .expectNoEvents();
        fixture.given(PRO_CREATED)
                .when(new UpdatePlanPriceCommand(ID, "prc_usd", null, new BigDecimal("10.001")))
                .expectException(ValidationException.class)
                .expectExceptionMessage("amount: must have at most 2 decimal places for USD");
    }

    @Test
    void guardsKeepAPlanOrAPriceInUse() {
        guardReasons.put(GuardedResource.PLAN + "/" + ID, "Plan is used by 2 subscriptions");
        guardReasons.put(GuardedResource.PLAN_PRICE + "/prc_usd", "A charge of the plan prices in USD");
        fixture.given(PRO_CREATED)
                .when(new DeletePlanCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Plan is used by 2 subscriptions")
                .expectNoEvents();
        fixture.given(PRO_CREATED)
                .when(new RemovePlanPriceCommand(ID, "prc_usd"))
                .expectException(ConflictException.class)
                .expectExceptionMessage("A charge of the plan prices in USD");
    }

    @Test
    void deletedPlanTakesNoMoreCommands() {
        fixture.given(PRO_CREATED)
                .when(new DeletePlanCommand(ID))
                .expectEvents(new PlanDeletedEvent(ID, "pro"));
        fixture.given(PRO_CREATED, new PlanDeletedEvent(ID, "pro"))
                .when(new UpdatePlanCommand(ID, new PlanDetails("x", null, null, null, null, null, null, null, null,
                        null, null)))
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void createsAPlanWithItsOwnBillingTerms() {
        fixture.givenNoPriorActivity()
                .when(new CreatePlanCommand(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY, null,
                        null, BillingTiming.IN_ARREARS, 30, 5, null, null), List.of(USD)))
                .expectEvents(new PlanCreatedEvent(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY,
                        List.of(), 0, BillingTiming.IN_ARREARS, 30, 5, true, Map.of()), List.of(USD)));
    }

    @Test
    void updateChangesTheBillingTermsGivenAndKeepsTheOthers() {
        PlanCreatedEvent withTerms = new PlanCreatedEvent(ID, new PlanDetails("Pro Plan", "pro", null,
                BillingInterval.MONTHLY, List.of(), 0, BillingTiming.IN_ARREARS, 30, 5, true, Map.of()), List.of(USD));
        fixture.given(withTerms)
                .when(new UpdatePlanCommand(ID, new PlanDetails(null, null, null, null, null, null, null, 0, null, null,
                        null)))
                .expectEvents(new PlanUpdatedEvent(ID, new PlanDetails("Pro Plan", "pro", null, BillingInterval.MONTHLY,
                        List.of(), 0, BillingTiming.IN_ARREARS, 0, 5, true, Map.of())));
        fixture.given(withTerms)
                .when(new UpdatePlanCommand(ID, new PlanDetails("Pro", null, null, null, null, null, null, null, null,
                        null, null)))
                .expectEvents(new PlanUpdatedEvent(ID, new PlanDetails("Pro", "pro", null, BillingInterval.MONTHLY,
                        List.of(), 0, BillingTiming.IN_ARREARS, 30, 5, true, Map.of())));
        fixture.given(withTerms)
                .when(new UpdatePlanCommand(ID, new PlanDetails(null, null, null, null, null, null,
                        BillingTiming.IN_ARREARS, 30, 5, null, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aPlanStoredBeforeBillingTermsBillsInAdvanceAndLeavesTheRestToTheTenant() {
        // the shape of events stored before issue 12: no billing terms at all
        PlanCreatedEvent stored = new PlanCreatedEvent(ID, new PlanDetails("Pro Plan", "pro", null,
                BillingInterval.MONTHLY, List.of(), 0, null, null, null, true, Map.of()), List.of(USD));
        PlanUpdatedEvent storedUpdate = new PlanUpdatedEvent(ID, new PlanDetails("Pro", "pro", null,
                BillingInterval.MONTHLY, List.of(), 0, null, null, null, true, Map.of()));
        fixture.given(stored, storedUpdate)
                .when(new UpdatePlanCommand(ID, new PlanDetails(null, null, null, null, null, null,
                        BillingTiming.IN_ADVANCE, null, null, null, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(stored, storedUpdate)
                .when(new UpdatePlanCommand(ID, new PlanDetails(null, null, null, null, null, null, null, null, 7, null,
                        null)))
                .expectEvents(new PlanUpdatedEvent(ID, new PlanDetails("Pro", "pro", null, BillingInterval.MONTHLY,
                        List.of(), 0, BillingTiming.IN_ADVANCE, null, 7, true, Map.of())));
    }
}
