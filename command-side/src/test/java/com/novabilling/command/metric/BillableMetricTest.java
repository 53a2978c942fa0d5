package com.novabilling.command.metric;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricCreatedEvent;
import com.novabilling.api.metric.BillableMetricDeletedEvent;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.BillableMetricUpdatedEvent;
import com.novabilling.api.metric.CreateBillableMetricCommand;
import com.novabilling.api.metric.DeleteBillableMetricCommand;
import com.novabilling.api.metric.UpdateBillableMetricCommand;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.InMemoryResourceCodes;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.hamcrest.CustomTypeSafeMatcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

class BillableMetricTest {

    private static final String ID = "bm_0123456789abcdef01234567";
    private static final List<BillableMetricFilter> REGIONS =
            List.of(new BillableMetricFilter("region", List.of("us-east", "us-west", "eu")));
    private static final BillableMetricCreatedEvent API_CALLS_CREATED = new BillableMetricCreatedEvent(ID, new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.COUNT, null, false, REGIONS, null));

    private FixtureConfiguration<BillableMetric> fixture;
    private InMemoryResourceCodes codes;
    private FakeMetricUsage usage;
    private final Map<String, String> guardReasons = new HashMap<>();

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BillableMetric.class);
        codes = new InMemoryResourceCodes();
        usage = new FakeMetricUsage();
        DeletionGuard guard = (resource, id) -> Optional.ofNullable(guardReasons.get(resource + "/" + id));
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(usage);
        fixture.registerInjectableResource(new DeletionPolicy(List.of(guard)));
    }

    @Test
    void createsTheSeedMetric() {
        fixture.givenNoPriorActivity()
                .when(new CreateBillableMetricCommand(ID, new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.COUNT, null, false, REGIONS, null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(API_CALLS_CREATED);
    }

    @Test
    void roundingWithoutDigitsRoundsToWholeUnits() {
        fixture.givenNoPriorActivity()
                .when(new CreateBillableMetricCommand(ID, new BillableMetricDetails("Storage", "storage", null, AggregationType.SUM, "gb", null, null, new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, null))))
                .expectEvents(new BillableMetricCreatedEvent(ID, new BillableMetricDetails("Storage", "storage", null, AggregationType.SUM, "gb", false, List.of(), new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, 0))));
    }

    @Test
    void refusesInvalidDefinitionsNamingTheFields() {
        fixture.givenNoPriorActivity()
                .when(new CreateBillableMetricCommand(ID, new BillableMetricDetails("Storage", "storage", null, AggregationType.SUM, null, null, null, null)))
                .expectException(fieldError("fieldName"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateBillableMetricCommand(ID, new BillableMetricDetails("Calls", "calls", null, AggregationType.COUNT, null, true, null, null)))
                .expectException(fieldError("recurring"))
                .expectNoEvents();
    }

    @Test
    void refusesCodeHeldByAnotherMetric() {
        codes.with(CodeKind.BILLABLE_METRIC, "api_calls", "bm_other");
        fixture.givenNoPriorActivity()
                .when(new CreateBillableMetricCommand(ID, new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.COUNT, null, false, null, null)))
                .expectException(ConflictException.class)
                .expectExceptionMessage("A billable metric with code 'api_calls' already exists")
                .expectNoEvents();
    }

    @Test
    void updateCarriesTheFullNewState() {
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails("API requests", null, "Every request", null, null, null, null, null)))
                .expectEvents(new BillableMetricUpdatedEvent(ID, new BillableMetricDetails("API requests", "api_calls", "Every request", AggregationType.COUNT, null, false, REGIONS, null)));
    }

    @Test
    void updateWithoutChangesRecordsNothing() {
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.COUNT, null, false, REGIONS, null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void whileChargesUseTheMetricItsPricingCannotChangeButItsNameCan() {
        usage.charges = 2;
        usage.filterValues = Map.of("region", Set.of("eu"));

        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails(null, null, null, AggregationType.SUM, "bytes", null, null, null)))
                .expectException(conflictOn("aggregationType"))
                .expectExceptionMessage("aggregationType cannot change while 2 charges use this billable metric");
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails(null, "calls", null, null, null, null, null, null)))
                .expectException(conflictOn("code"));
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails(null, null, null, null, null, null, List.of(new BillableMetricFilter("region", List.of("us-east"))), null)))
                .expectException(conflictOn("filters"))
                .expectNoEvents();
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails("Requests", null, null, null, null, null, List.of(new BillableMetricFilter("region", List.of("eu", "apac"))), null)))
                .expectEvents(new BillableMetricUpdatedEvent(ID, new BillableMetricDetails("Requests", "api_calls", null, AggregationType.COUNT, null, false, List.of(new BillableMetricFilter("region", List.of("eu", "apac"))), null)));
    }

    @Test
    void unusedMetricMayChangeItsType() {
        fixture.given(API_CALLS_CREATED)
                .when(new UpdateBillableMetricCommand(ID, new BillableMetricDetails(null, null, null, AggregationType.SUM, "bytes", true, List.of(), null)))
                .expectEvents(new BillableMetricUpdatedEvent(ID, new BillableMetricDetails("API Calls", "api_calls", null, AggregationType.SUM, "bytes", true, List.of(), null)));
    }

    @Test
    void deletionIsRefusedWhileAGuardKeepsTheMetric() {
        guardReasons.put(GuardedResource.BILLABLE_METRIC + "/" + ID, "Billable metric is used by 1 charge");
        fixture.given(API_CALLS_CREATED)
                .when(new DeleteBillableMetricCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Billable metric is used by 1 charge")
                .expectNoEvents();
    }

    @Test
    void unusedMetricIsDeleted() {
        fixture.given(API_CALLS_CREATED)
                .when(new DeleteBillableMetricCommand(ID))
                .expectEvents(new BillableMetricDeletedEvent(ID, "api_calls"))
                .expectMarkedDeleted();
    }

    private static Matcher<ValidationException> fieldError(String field) {
        return new CustomTypeSafeMatcher<>("validation error on " + field) {
            @Override
            protected boolean matchesSafely(ValidationException e) {
                return e.errors().stream().anyMatch(error -> error.field().equals(field));
            }
        };
    }

    private static Matcher<ConflictException> conflictOn(String field) {
        return new CustomTypeSafeMatcher<>("conflict on " + field) {
            @Override
            protected boolean matchesSafely(ConflictException e) {
                return field.equals(e.field());
            }
        };
    }

    static class FakeMetricUsage implements MetricUsage {
        long charges;
        Map<String, Set<String>> filterValues = Map.of();

        @Override
        public long chargesUsing(String billableMetricId) {
            return charges;
        }

        @Override
        public Map<String, Set<String>> filterValuesInUse(String billableMetricId) {
            return filterValues;
        }
    }
}
