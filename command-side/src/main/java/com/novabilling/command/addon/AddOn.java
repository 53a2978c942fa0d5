package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.CreateAddOnCommand;
import com.novabilling.api.addon.DeleteAddOnCommand;
import com.novabilling.api.addon.UpdateAddOnCommand;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.ResourceCodes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

/** A one-off charge with a price per currency, applied to customers through {@link AppliedAddOn}. */
@Aggregate
public class AddOn {

    @AggregateIdentifier
    private String addOnId;
    private AddOnDetails details;

    protected AddOn() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public AddOn(CreateAddOnCommand command, ResourceCodes codes) {
        requireValidPrices(command.details().prices());
        AddOnDetails created = command.details().normalized();
        codes.requireAvailable(CodeKind.ADD_ON, created.code(), null);
        apply(new AddOnCreatedEvent(command.addOnId(), created));
    }

    @CommandHandler
    public void handle(UpdateAddOnCommand command, ResourceCodes codes) {
        if (command.changes().prices() != null) {
            requireValidPrices(command.changes().prices());
        }
        AddOnDetails updated = details.with(command.changes());
        if (updated.equals(details)) {
            // nothing to record; the PATCH still succeeds and answers the unchanged add-on
            return;
        }
        if (!updated.code().equals(details.code())) {
            codes.requireAvailable(CodeKind.ADD_ON, updated.code(), addOnId);
        }
        apply(new AddOnUpdatedEvent(addOnId, updated));
    }

    /** Applications already made keep what they captured, so pending ones do not hold the add-on back. */
    @CommandHandler
    public void handle(DeleteAddOnCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.ADD_ON, addOnId);
        apply(new AddOnDeletedEvent(addOnId, details.code()));
    }

    @EventSourcingHandler
    void on(AddOnCreatedEvent event) {
        addOnId = event.addOnId();
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(AddOnUpdatedEvent event) {
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(AddOnDeletedEvent event) {
        markDeleted();
    }

    /** At least one price, each positive, at most one per currency; reported on the request's field paths. */
    private static void requireValidPrices(List<Money> prices) {
        if (prices == null || prices.isEmpty()) {
            throw new ValidationException("prices", "at least one price is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Set<CurrencyCode> seen = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            Money price = prices.get(i);
            if (price.minor() <= 0) {
                errors.add(new FieldError("prices[" + i + "].amount", "must be greater than 0"));
            }
            if (!seen.add(price.currency())) {
                errors.add(new FieldError("prices[" + i + "].currency",
                        "an add-on has one price per currency; " + price.currency() + " is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
