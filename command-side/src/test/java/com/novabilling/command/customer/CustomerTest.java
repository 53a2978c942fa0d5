package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.UpdateCustomerCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.DeletionPolicy;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

class CustomerTest {

    private static final String ID = "cus_0123456789abcdef01234567";
    private static final String OTHER_ID = "cus_fedcba9876543210fedcba98";

    private static final CustomerCreatedEvent JANE_CREATED = new CustomerCreatedEvent(ID, new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", null, null, null, Map.of("plan", "enterprise")));

    private FixtureConfiguration<Customer> fixture;
    private FakeCustomerLookup lookup;
    private String subscriptionGuardReason;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Customer.class);
        lookup = new FakeCustomerLookup();
        subscriptionGuardReason = null;
        DeletionGuard subscriptionGuard = (resource, id) -> Optional.ofNullable(subscriptionGuardReason);
        fixture.registerInjectableResource(lookup);
        fixture.registerInjectableResource(new DeletionPolicy(List.of(subscriptionGuard)));
    }

    @Test
    void createsCustomerWithLowerCaseEmailAndEmptyMetadata() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomerCommand(ID, new CustomerDetails(null, "Jane Smith", " Jane@Example.COM", "US", "USD", null, null, null, null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerCreatedEvent(ID, new CustomerDetails(null, "Jane Smith", "jane@example.com", "US", "USD", null, null, null, Map.of())));
    }

    @Test
    void refusesEmailOfAnotherCustomer() {
        lookup.withEmail("jane@example.com", OTHER_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateCustomerCommand(ID, new CustomerDetails(null, "Jane", "JANE@example.com", null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("A customer with email 'jane@example.com' already exists");
    }

    @Test
    void refusesExternalIdOfAnotherCustomer() {
        lookup.withExternalId("cust_123", OTHER_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateCustomerCommand(ID, new CustomerDetails("cust_123", "Jane", "jane@example.com", null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("A customer with externalId 'cust_123' already exists");
    }

    @Test
    void updateCarriesFullNewStateAndReplacesMetadata() {
        fixture.given(JANE_CREATED)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, "Jane A. Smith", null, null, "NGN", null, null, null, Map.of("notes", "VIP customer"))))
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane A. Smith", "jane@example.com", "US", "NGN", null, null, null, Map.of("notes", "VIP customer"))));
    }

    @Test
    void updateFoldsEarlierUpdates() {
        CustomerUpdatedEvent renamed = new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane A. Smith", "jane@example.com", "US", "USD", null, null, null, Map.of("plan", "enterprise")));

        fixture.given(JANE_CREATED, renamed)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, null, "NG", null, null, null, null, null)))
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane A. Smith", "jane@example.com", "NG", "USD", null, null, null, Map.of("plan", "enterprise"))));
    }

    @Test
    void updateThatChangesNothingAppliesNoEvent() {
        fixture.given(JANE_CREATED)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails("cust_123", "Jane Smith", "JANE@example.com", null, null, null, null, null, Map.of("plan", "enterprise"))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void keepingOwnEmailIsNoConflict() {
        lookup.withEmail("jane@example.com", ID).withExternalId("cust_123", ID);

        fixture.given(JANE_CREATED)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, "Jane B", null, null, null, null, null, null, null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane B", "jane@example.com", "US", "USD", null, null, null, Map.of("plan", "enterprise"))));
    }

    @Test
    void refusesChangingEmailToOneTakenByAnotherCustomer() {
        lookup.withEmail("john@example.com", OTHER_ID);

        fixture.given(JANE_CREATED)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, "John@Example.com", null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("A customer with email 'john@example.com' already exists");
    }

    @Test
    void deletesCustomer() {
        fixture.given(JANE_CREATED)
                .when(new DeleteCustomerCommand(ID))
                .expectEvents(new CustomerDeletedEvent(ID))
                .expectMarkedDeleted();
    }

    @Test
    void guardBlocksDeletion() {
        subscriptionGuardReason = "Customer has active subscriptions";

        fixture.given(JANE_CREATED)
                .when(new DeleteCustomerCommand(ID))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Customer has active subscriptions");
    }

    @Test
    void deletedCustomerCannotBeUpdated() {
        fixture.given(JANE_CREATED, new CustomerDeletedEvent(ID))
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, "Ghost", null, null, null, null, null, null, null)))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void deletedCustomerCannotBeDeletedAgain() {
        fixture.given(JANE_CREATED, new CustomerDeletedEvent(ID))
                .when(new DeleteCustomerCommand(ID))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }

    @Test
    void createsACustomerWithItsOwnBillingTermsInCanonicalForm() {
        fixture.givenNoPriorActivity()
                .when(new CreateCustomerCommand(ID, new CustomerDetails(null, "Jane Smith", "jane@example.com", "KE", "KES", 30, new BigDecimal("16.00"), "VAT", null)))
                .expectEvents(new CustomerCreatedEvent(ID, new CustomerDetails(null, "Jane Smith", "jane@example.com", "KE", "KES", 30, new BigDecimal("16"), "VAT", Map.of())));
    }

    @Test
    void anExplicitTaxRateOfZeroIsRecordedAndOtherTermsAreKept() {
        CustomerCreatedEvent withTerms = new CustomerCreatedEvent(ID, new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", 30, new BigDecimal("16"), "VAT", Map.of()));
        fixture.given(withTerms)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, null, null, null, null, BigDecimal.ZERO, null, null)))
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", 30, BigDecimal.ZERO, "VAT", Map.of())));
        fixture.given(withTerms)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, "Jane B", null, null, null, null, null, null, null)))
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane B", "jane@example.com", "US", "USD", 30, new BigDecimal("16"), "VAT", Map.of())));
    }

    @Test
    void theSameTermsWrittenDifferentlyChangeNothing() {
        fixture.given(new CustomerCreatedEvent(ID, new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", 30, new BigDecimal("7.5"), "VAT", Map.of())))
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, null, null, null, 30, new BigDecimal("7.5000"), "VAT", null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aCustomerStoredBeforeBillingTermsHasNoneAndTakesThem() {
        // JANE_CREATED has the shape of events stored before issue 12: no billing terms
        fixture.given(JANE_CREATED)
                .when(new UpdateCustomerCommand(ID, new CustomerDetails(null, null, null, null, null, 14, null, null, null)))
                .expectEvents(new CustomerUpdatedEvent(ID, new CustomerDetails("cust_123", "Jane Smith", "jane@example.com", "US", "USD", 14, null, null, Map.of("plan", "enterprise"))));
    }
}
