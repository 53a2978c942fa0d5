package com.novabilling.command.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeCreatedEvent;
import com.novabilling.api.charge.ChargeDeletedEvent;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.charge.ChargeUpdatedEvent;
import com.novabilling.api.charge.CreateChargeCommand;
import com.novabilling.api.charge.DeleteChargeCommand;
import com.novabilling.api.charge.UpdateChargeCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDefinition;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.metric.BillableMetricLookup;
import com.novabilling.command.plan.PlanLookup;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class ChargeTest {

    private static final String ID = "chg_0123456789abcdef01234567";
    private static final String PLAN = "pln_0123456789abcdef01234567";
    private static final String METRIC = "bm_0123456789abcdef01234567";
    private static final String CPU_METRIC = "bm_cpu";

    private FixtureConfiguration<Charge> fixture;
    private final Map<String, PlanLookup.PlanFacts> plans = new HashMap<>();
    private final Map<String, BillableMetricDefinition> metrics = new HashMap<>();
    private final Map<String, String> existingCharges = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Charge.class);
        plans.put(PLAN, new PlanLookup.PlanFacts(PLAN, "pro", true, List.of(CurrencyCode.USD, CurrencyCode.KES)));
        metrics.put(METRIC, new BillableMetricDefinition("api_calls", AggregationType.COUNT, null, false,
                List.of(new BillableMetricFilter("region", List.of("us-east", "eu"))), null));
        metrics.put(CPU_METRIC, new BillableMetricDefinition("cpu", AggregationType.MAX, "cpu", false, List.of(), null));
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
        fixture.registerInjectableResource((BillableMetricLookup) id -> Optional.ofNullable(metrics.get(id)));
        fixture.registerInjectableResource(new ChargeLookup() {
            @Override
            public Optional<String> chargeOf(String planId, String billableMetricId, CurrencyCode currency) {
                return Optional.ofNullable(existingCharges.get(planId + "/" + billableMetricId + "/" + currency));
            }

            @Override
            public List<String> chargesOfPlan(String planId) {
                return List.of();
            }

            @Override
            public long chargesOfPlanIn(String planId, CurrencyCode currency) {
                return 0;
            }
        });
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    private static List<ChargeRange> seedRanges() {
        return List.of(new ChargeRange(dec("0"), dec("1000"), dec("0"), dec("0")),
                new ChargeRange(dec("1001"), dec("10000"), dec("0.01"), dec("0")),
                new ChargeRange(dec("10001"), null, dec("0.005"), dec("0")));
    }

    private static ChargePricing graduated(List<ChargeRange> ranges) {
        return new ChargePricing(ChargeModel.GRADUATED, null, ranges, null, null);
    }

    private static ChargePricing standard(String amount) {
        return new ChargePricing(ChargeModel.STANDARD, new ChargeProperties(dec(amount), null, null, null, null, null,
                null, null, null), null, null, null);
    }

    private static ChargeCreatedEvent seedChargeCreated() {
        return new ChargeCreatedEvent(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.USD, BillingTiming.IN_ARREARS,
                new ChargePricing(ChargeModel.GRADUATED, null, seedRanges(), null, List.of())));
    }

    @Test
    void seedChargeDefaultsToThePlansFirstCurrencyAndInArrears() {
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, null, null, graduated(seedRanges()))))
                .expectSuccessfulHandlerExecution()
                .expectEvents(seedChargeCreated());
    }

    @Test
    void adjacentRangesAreStoredInTheInclusiveForm() {
        List<ChargeRange> adjacent = List.of(new ChargeRange(dec("0"), dec("1000"), dec("0"), null),
                new ChargeRange(dec("1000"), null, dec("0.01"), null));
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.KES,
                        BillingTiming.IN_ADVANCE, graduated(adjacent))))
                .expectEvents(new ChargeCreatedEvent(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.KES,
                        BillingTiming.IN_ADVANCE, new ChargePricing(ChargeModel.GRADUATED, null,
                        List.of(adjacent.get(0), new ChargeRange(dec("1001"), null, dec("0.01"), null)), null,
                        List.of()))));
    }

    @Test
    void missingPlanOrMetricIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails("pln_missing", METRIC, null, null,
                        standard("0.1"))))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Plan with id 'pln_missing' not found");
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, "bm_missing", null, null, standard("0.1"))))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Billable metric with id 'bm_missing' not found");
    }

    @Test
    void currencyMustBeOneThePlanSellsIn() {
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.EUR, null,
                        standard("0.1"))))
                .expectException(invalid("currency"))
                .expectNoEvents();
        plans.put(PLAN, new PlanLookup.PlanFacts(PLAN, "pro", true, List.of()));
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, null, null, standard("0.1"))))
                .expectException(invalid("currency"))
                .expectNoEvents();
    }

    @Test
    void pricingIsValidatedByTheRatingEngine() {
        List<ChargeRange> gap = List.of(seedRanges().get(0), new ChargeRange(dec("1002"), null, dec("0.01"), null));
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, null, null, graduated(gap))))
                .expectException(invalid("graduatedRanges[1].fromValue"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, CPU_METRIC, null, BillingTiming.IN_ADVANCE,
                        standard("0.1"))))
                .expectException(invalid("billingTiming"))
                .expectNoEvents();
    }

    @Test
    void secondChargeForTheSamePlanMetricAndCurrencyIsAConflict() {
        existingCharges.put(PLAN + "/" + METRIC + "/USD", "chg_other");
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.USD, null,
                        standard("0.1"))))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.KES, null,
                        standard("0.1"))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void changingTheModelDropsTheOldPricing() {
        fixture.given(seedChargeCreated())
                .when(new UpdateChargeCommand(ID, new ChargeDetails(null, null, null, null, standard("0.25"))))
                .expectEvents(new ChargeUpdatedEvent(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.USD,
                        BillingTiming.IN_ARREARS, new ChargePricing(ChargeModel.STANDARD,
                        new ChargeProperties(dec("0.25"), null, null, null, null, null, null, null, null), null, null,
                        List.of()))));
    }

    @Test
    void pricingOfAnotherModelIsRefusedOnUpdate() {
        fixture.given(seedChargeCreated())
                .when(new UpdateChargeCommand(ID, new ChargeDetails(null, null, null, null, new ChargePricing(null,
                        new ChargeProperties(dec("0.25"), null, null, null, null, null, null, null, null), null, null,
                        null))))
                .expectException(invalid("properties"))
                .expectNoEvents();
    }

    @Test
    void planMetricAndCurrencyCannotChange() {
        fixture.given(seedChargeCreated())
                .when(new UpdateChargeCommand(ID, new ChargeDetails(null, null, CurrencyCode.KES, null, null)))
                .expectException(invalid("currency"));
        fixture.given(seedChargeCreated())
                .when(new UpdateChargeCommand(ID, new ChargeDetails("pln_other", null, null, null, null)))
                .expectException(invalid("planId"));
        fixture.given(seedChargeCreated())
                .when(new UpdateChargeCommand(ID, new ChargeDetails(PLAN, METRIC, CurrencyCode.USD,
                        BillingTiming.IN_ARREARS, graduated(seedRanges()))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deleteMarksTheChargeDeleted() {
        fixture.given(seedChargeCreated())
                .when(new DeleteChargeCommand(ID))
                .expectEvents(new ChargeDeletedEvent(ID, PLAN, METRIC, CurrencyCode.USD))
                .expectMarkedDeleted();
    }

    private static Matcher<ValidationException> invalid(String field) {
        return new CustomTypeSafeMatcher<>("validation error on " + field) {
            @Override
            protected boolean matchesSafely(ValidationException e) {
                return e.errors().stream().anyMatch(error -> error.field().equals(field));
            }
        };
    }
}
