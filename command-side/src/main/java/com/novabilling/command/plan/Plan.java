package com.novabilling.command.plan;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.AddPlanPriceCommand;
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
import com.novabilling.command.validation.AmountInput;
import com.novabilling.command.reference.DeletionPolicy;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.ResourceCodes;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.markDeleted;

@Aggregate
public class Plan {

    @AggregateIdentifier
    private String planId;
    private PlanDetails details;
    /** priceId → amount, in the order the prices were added. */
    private final Map<String, Money> prices = new LinkedHashMap<>();

    protected Plan() {
        // required by Axon to rebuild the aggregate from its events
    }

    @CommandHandler
    public Plan(CreatePlanCommand command, ResourceCodes codes) {
        PlanDetails created = command.details().normalized();
        codes.requireAvailable(CodeKind.PLAN, created.code(), null);
        List<PlanPrice> newPrices = command.prices() == null ? List.of() : List.copyOf(command.prices());
        requireOnePricePerCurrency(newPrices);
        apply(new PlanCreatedEvent(command.planId(), created, newPrices));
    }

    @CommandHandler
    public void handle(UpdatePlanCommand command, ResourceCodes codes) {
        PlanDetails updated = details.with(command.changes());
        if (updated.equals(details)) {
            return;
        }
        if (!updated.code().equals(details.code())) {
            codes.requireAvailable(CodeKind.PLAN, updated.code(), planId);
        }
        apply(new PlanUpdatedEvent(planId, updated));
    }

    @CommandHandler
    public void handle(DeletePlanCommand command, DeletionPolicy deletionPolicy) {
        deletionPolicy.requireDeletable(GuardedResource.PLAN, planId);
        apply(new PlanDeletedEvent(planId, details.code()));
    }

    @CommandHandler
    public void handle(AddPlanPriceCommand command) {
        CurrencyCode currency = command.amount().currency();
        if (priceIn(currency) != null) {
            throw new ConflictException("currency", "Plan already has a " + currency + " price; update that price instead");
        }
        apply(new PlanPriceAddedEvent(planId, command.priceId(), command.amount()));
    }

    @CommandHandler
    public void handle(UpdatePlanPriceCommand command) {
        Money current = requirePrice(command.priceId());
        if (command.currency() != null && command.currency() != current.currency()) {
            throw new ValidationException("currency", "the currency of a price cannot change (this price is in "
                    + current.currency() + "); add a price in " + command.currency() + " instead");
        }
        Money amount = AmountInput.toMoney(command.amount(), current.currency(), "amount");
        if (!amount.equals(current)) {
            apply(new PlanPriceUpdatedEvent(planId, command.priceId(), amount));
        }
    }

    @CommandHandler
    public void handle(RemovePlanPriceCommand command, DeletionPolicy deletionPolicy) {
        Money current = requirePrice(command.priceId());
        deletionPolicy.requireDeletable(GuardedResource.PLAN_PRICE, command.priceId());
        apply(new PlanPriceRemovedEvent(planId, command.priceId(), current.currency()));
    }

    @EventSourcingHandler
    void on(PlanCreatedEvent event) {
        planId = event.planId();
        details = event.details().normalized();
        event.prices().forEach(price -> prices.put(price.priceId(), price.amount()));
    }

    @EventSourcingHandler
    void on(PlanUpdatedEvent event) {
        details = event.details().normalized();
    }

    @EventSourcingHandler
    void on(PlanPriceAddedEvent event) {
        prices.put(event.priceId(), event.amount());
    }

    @EventSourcingHandler
    void on(PlanPriceUpdatedEvent event) {
        prices.put(event.priceId(), event.amount());
    }

    @EventSourcingHandler
    void on(PlanPriceRemovedEvent event) {
        prices.remove(event.priceId());
    }

    @EventSourcingHandler
    void on(PlanDeletedEvent event) {
        markDeleted();
    }

    private Money requirePrice(String priceId) {
        Money price = prices.get(priceId);
        if (price == null) {
            throw new NotFoundException("Price", priceId);
        }
        return price;
    }

    private Money priceIn(CurrencyCode currency) {
        return prices.values().stream().filter(price -> price.currency() == currency).findFirst().orElse(null);
    }

    private static void requireOnePricePerCurrency(List<PlanPrice> prices) {
        Set<CurrencyCode> seen = new HashSet<>();
        for (int i = 0; i < prices.size(); i++) {
            CurrencyCode currency = prices.get(i).amount().currency();
            if (!seen.add(currency)) {
                throw new ValidationException("prices[" + i + "].currency",
                        "a plan has one price per currency; " + currency + " is listed twice");
            }
        }
    }
}
