package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.addon.MarkAppliedAddOnInvoicedCommand;
import com.novabilling.api.addon.ApplyAddOnCommand;
import com.novabilling.api.addon.RemoveAppliedAddOnCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.addon.AddOnLookup.AddOnFacts;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.subscription.SubscriptionLookup.SubscriptionFacts;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.Matchers.startsWith;

class AppliedAddOnTest {

    private static final String ID = "apa_0123456789abcdef01234567";
    private static final String ADD_ON = "aon_0123456789abcdef01234567";
    private static final String SINGLE_PRICE_ADD_ON = "aon_11111111111111111111111a";
    private static final String CUSTOMER = "cus_0123456789abcdef01234567";
    private static final String OTHER_CUSTOMER = "cus_fedcba9876543210fedcba98";
    private static final String SUBSCRIPTION = "sub_0123456789abcdef01234567";
    private static final String INVOICE = "inv_0123456789abcdef01234567";
    private static final Money USD_25 = Money.ofMinor(2500, CurrencyCode.USD);
    private static final Money KES_3000 = Money.ofMinor(300000, CurrencyCode.KES);

    private static final AddOnAppliedEvent APPLIED = new AddOnAppliedEvent(ID, ADD_ON, "setup", "Setup fee",
            "Onboarding", CUSTOMER, null, 2, USD_25, Money.ofMinor(5000, CurrencyCode.USD));

    private FixtureConfiguration<AppliedAddOn> fixture;
    private final Map<String, AddOnFacts> addOns = new HashMap<>();
    private final Map<String, CustomerLookup.CustomerFacts> customers = new HashMap<>();
    private final Map<String, SubscriptionFacts> subscriptions = new HashMap<>();

    @BeforeEach
    void setUp() {
        addOns.put(ADD_ON, new AddOnFacts(ADD_ON, "setup", "Setup fee", "Onboarding", List.of(USD_25, KES_3000)));
        addOns.put(SINGLE_PRICE_ADD_ON, new AddOnFacts(SINGLE_PRICE_ADD_ON, "audit", "Audit", null, List.of(KES_3000)));
        customers.put(CUSTOMER, new CustomerLookup.CustomerFacts(CUSTOMER, null));
        subscriptions.put(SUBSCRIPTION, new SubscriptionFacts(SUBSCRIPTION, CUSTOMER, "plan_1"));

        fixture = new AggregateTestFixture<>(AppliedAddOn.class);
        fixture.registerInjectableResource((AddOnLookup) id -> Optional.ofNullable(addOns.get(id)));
        fixture.registerInjectableResource(new MapCustomerLookup(customers));
        fixture.registerInjectableResource((SubscriptionLookup) id -> Optional.ofNullable(subscriptions.get(id)));
    }

    private static ApplyAddOnCommand apply(String addOnId, String subscriptionId, int quantity, CurrencyCode currency) {
        return new ApplyAddOnCommand(ID, addOnId, CUSTOMER, subscriptionId, quantity, currency);
    }

    @Test
    void capturesTheAddOnAndPricesTheQuantityInTheGivenCurrency() {
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 2, CurrencyCode.USD))
                .expectSuccessfulHandlerExecution()
                .expectEvents(APPLIED);
    }

    @Test
    void withoutCurrencyUsesTheCustomersCurrency() {
        customers.put(CUSTOMER, new CustomerLookup.CustomerFacts(CUSTOMER, CurrencyCode.KES));

        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 3, null))
                .expectEvents(new AddOnAppliedEvent(ID, ADD_ON, "setup", "Setup fee", "Onboarding", CUSTOMER, null, 3,
                        KES_3000, Money.ofMinor(900000, CurrencyCode.KES)));
    }

    @Test
    void withoutCurrencyNorCustomerCurrencyUsesTheAddOnsOnlyPrice() {
        fixture.givenNoPriorActivity()
                .when(apply(SINGLE_PRICE_ADD_ON, null, 1, null))
                .expectEvents(new AddOnAppliedEvent(ID, SINGLE_PRICE_ADD_ON, "audit", "Audit", null, CUSTOMER, null, 1,
                        KES_3000, KES_3000));
    }

    @Test
    void withoutAnyWayToChooseACurrencyRefusesNamingCurrency() {
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 1, null))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("currency: "));
    }

    @Test
    void refusesACurrencyTheAddOnIsNotPricedIn() {
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 1, CurrencyCode.EUR))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage("currency: add-on 'setup' has no EUR price; it is priced in USD, KES");
    }

    @Test
    void refusesWhenTheCustomersCurrencyIsNotPricedAndNoneIsGiven() {
        customers.put(CUSTOMER, new CustomerLookup.CustomerFacts(CUSTOMER, CurrencyCode.NGN));

        fixture.givenNoPriorActivity()
                .when(apply(SINGLE_PRICE_ADD_ON, null, 1, null))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("currency: "));
    }

    @Test
    void unknownAddOnCustomerOrSubscriptionIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(apply("aon_missing", null, 1, null))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Add-on with id 'aon_missing' not found");

        fixture.givenNoPriorActivity()
                .when(new ApplyAddOnCommand(ID, ADD_ON, OTHER_CUSTOMER, null, 1, CurrencyCode.USD))
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Customer with id '" + OTHER_CUSTOMER + "' not found");

        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, "sub_missing", 1, CurrencyCode.USD))
                .expectNoEvents()
                .expectException(NotFoundException.class)
                .expectExceptionMessage("Subscription with id 'sub_missing' not found");
    }

    @Test
    void appliesForASubscriptionOfTheCustomer() {
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, SUBSCRIPTION, 1, CurrencyCode.USD))
                .expectEvents(new AddOnAppliedEvent(ID, ADD_ON, "setup", "Setup fee", "Onboarding", CUSTOMER,
                        SUBSCRIPTION, 1, USD_25, USD_25));
    }

    @Test
    void refusesASubscriptionOfAnotherCustomerNamingSubscriptionId() {
        subscriptions.put(SUBSCRIPTION, new SubscriptionFacts(SUBSCRIPTION, OTHER_CUSTOMER, "plan_1"));

        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, SUBSCRIPTION, 1, CurrencyCode.USD))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("subscriptionId: "));
    }

    @Test
    void refusesQuantityBelowOneAndTotalsTooLargeForMinorUnits() {
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 0, CurrencyCode.USD))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("quantity: "));

        addOns.put(ADD_ON, new AddOnFacts(ADD_ON, "huge", "Huge", null,
                List.of(Money.ofMinor(Long.MAX_VALUE / 2, CurrencyCode.USD))));
        fixture.givenNoPriorActivity()
                .when(apply(ADD_ON, null, 3, CurrencyCode.USD))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("quantity: "));
    }

    @Test
    void removesAPendingApplication() {
        fixture.given(APPLIED)
                .when(new RemoveAppliedAddOnCommand(ID))
                .expectEvents(new AppliedAddOnRemovedEvent(ID, CUSTOMER));
    }

    @Test
    void removingTwiceIsAConflict() {
        fixture.given(APPLIED, new AppliedAddOnRemovedEvent(ID, CUSTOMER))
                .when(new RemoveAppliedAddOnCommand(ID))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied add-on '" + ID + "' is already removed");
    }

    @Test
    void invoicingMarksAPendingApplicationInvoiced() {
        fixture.given(APPLIED)
                .when(new MarkAppliedAddOnInvoicedCommand(ID, INVOICE))
                .expectEvents(new AppliedAddOnInvoicedEvent(ID, CUSTOMER, INVOICE));
    }

    @Test
    void markingInvoicedAgainForTheSameInvoiceChangesNothing() {
        fixture.given(APPLIED, new AppliedAddOnInvoicedEvent(ID, CUSTOMER, INVOICE))
                .when(new MarkAppliedAddOnInvoicedCommand(ID, INVOICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherInvoiceOrARemovedApplicationIsAConflict() {
        fixture.given(APPLIED, new AppliedAddOnInvoicedEvent(ID, CUSTOMER, INVOICE))
                .when(new MarkAppliedAddOnInvoicedCommand(ID, "inv_other"))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied add-on '" + ID + "' has already been invoiced by " + INVOICE);
        fixture.given(APPLIED, new AppliedAddOnRemovedEvent(ID, CUSTOMER))
                .when(new MarkAppliedAddOnInvoicedCommand(ID, INVOICE))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied add-on '" + ID + "' is removed and cannot be invoiced");
    }

    @Test
    void anInvoicedApplicationCannotBeRemoved() {
        fixture.given(APPLIED, new AppliedAddOnInvoicedEvent(ID, CUSTOMER, INVOICE))
                .when(new RemoveAppliedAddOnCommand(ID))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("Applied add-on '" + ID + "' has been invoiced and can no longer be removed");
    }

    /** Customers by id; only {@link #find} matters when applying add-ons. */
    private record MapCustomerLookup(Map<String, CustomerFacts> customers) implements CustomerLookup {
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
    }
}
