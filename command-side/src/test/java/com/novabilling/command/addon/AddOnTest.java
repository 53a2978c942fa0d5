package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.CreateAddOnCommand;
import com.novabilling.api.addon.DeleteAddOnCommand;
import com.novabilling.api.addon.UpdateAddOnCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.InMemoryResourceCodes;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.startsWith;

class AddOnTest {

    private static final String ID = "aon_0123456789abcdef01234567";
    private static final String OTHER_ID = "aon_fedcba9876543210fedcba98";
    private static final Money USD_25 = Money.ofMinor(2500, CurrencyCode.USD);
    private static final Money KES_3000 = Money.ofMinor(300000, CurrencyCode.KES);

    private static final AddOnCreatedEvent SETUP_CREATED = new AddOnCreatedEvent(ID, new AddOnDetails("Setup fee", "setup", null, "Onboarding", List.of(USD_25), Map.of("team", "ops")));

    private FixtureConfiguration<AddOn> fixture;
    private InMemoryResourceCodes codes;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AddOn.class);
        codes = new InMemoryResourceCodes();
        fixture.registerInjectableResource(codes);
        fixture.registerInjectableResource(DeletionPolicy.allowingEverything());
    }

    @Test
    void createsAddOnWithEmptyMetadata() {
        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", "One-time setup", null, List.of(USD_25, KES_3000), null)))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new AddOnCreatedEvent(ID, new AddOnDetails("Setup fee", "setup", "One-time setup", null, List.of(USD_25, KES_3000), Map.of())));
    }

    @Test
    void refusesCodeOfAnotherAddOn() {
        codes.with(CodeKind.ADD_ON, "setup", OTHER_ID);

        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(USD_25), null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("An add-on with code 'setup' already exists");
    }

    @Test
    void codeOfAnotherKindIsNoConflict() {
        codes.with(CodeKind.PLAN, "setup", "pln_0123456789abcdef01234567");

        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(USD_25), null)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesASecondPriceInTheSameCurrencyNamingIt() {
        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(USD_25, KES_3000, Money.ofMinor(1, CurrencyCode.USD)), null)))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("prices[2].currency: "));
    }

    @Test
    void refusesNoPricesAndNonPositivePrices() {
        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(), null)))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage("prices: at least one price is required");

        fixture.givenNoPriorActivity()
                .when(new CreateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(USD_25, Money.zero(CurrencyCode.KES)), null)))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("prices[1].amount: "));
    }

    @Test
    void updateCarriesFullNewStateAndReplacesPrices() {
        fixture.given(SETUP_CREATED)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails(null, "setup-v2", null, null, List.of(KES_3000), null)))
                .expectEvents(new AddOnUpdatedEvent(ID, new AddOnDetails("Setup fee", "setup-v2", null, "Onboarding", List.of(KES_3000), Map.of("team", "ops"))));
    }

    @Test
    void updateFoldsEarlierUpdates() {
        AddOnUpdatedEvent renamed = new AddOnUpdatedEvent(ID, new AddOnDetails("Setup", "setup", "Desc", "Onboarding", List.of(USD_25, KES_3000), Map.of()));

        fixture.given(SETUP_CREATED, renamed)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails(null, null, null, "Setup on invoice", null, Map.of("a", 1))))
                .expectEvents(new AddOnUpdatedEvent(ID, new AddOnDetails("Setup", "setup", "Desc", "Setup on invoice", List.of(USD_25, KES_3000), Map.of("a", 1))));
    }

    @Test
    void updateThatChangesNothingAppliesNoEvent() {
        fixture.given(SETUP_CREATED)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails("Setup fee", "setup", null, null, List.of(USD_25), null)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void updateRefusesCodeOfAnotherAddOnButKeepingItsOwnIsFine() {
        codes.with(CodeKind.ADD_ON, "setup", ID).with(CodeKind.ADD_ON, "taken", OTHER_ID);

        fixture.given(SETUP_CREATED)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails("Renamed", "setup", null, null, null, null)))
                .expectSuccessfulHandlerExecution();

        fixture.given(SETUP_CREATED)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails(null, "taken", null, null, null, null)))
                .expectNoEvents()
                .expectException(ConflictException.class)
                .expectExceptionMessage("An add-on with code 'taken' already exists");
    }

    @Test
    void updateValidatesReplacementPrices() {
        fixture.given(SETUP_CREATED)
                .when(new UpdateAddOnCommand(ID, new AddOnDetails(null, null, null, null, List.of(KES_3000, KES_3000), null)))
                .expectNoEvents()
                .expectException(ValidationException.class)
                .expectExceptionMessage(startsWith("prices[1].currency: "));
    }

    @Test
    void deletesAddOnWithItsCode() {
        fixture.given(SETUP_CREATED)
                .when(new DeleteAddOnCommand(ID))
                .expectEvents(new AddOnDeletedEvent(ID, "setup"))
                .expectMarkedDeleted();
    }

    @Test
    void deletedAddOnCannotBeUpdated() {
        fixture.given(SETUP_CREATED, new AddOnDeletedEvent(ID, "setup"))
                .when(new UpdateAddOnCommand(ID, new AddOnDetails("Ghost", null, null, null, null, null)))
                .expectNoEvents()
                .expectException(AggregateDeletedException.class);
    }
}
