package com.novabilling.command.charge;

import com.novabilling.api.charge.DeleteChargeCommand;
import com.novabilling.api.plan.PlanDeletedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Deletes the charges of a deleted plan, one {@link DeleteChargeCommand} each. Runs in its own streaming processing
 * group, after the plan's deletion is committed; it never replays (the charges' own events are the record of their
 * deletion).
 */
@Component
@ProcessingGroup(PlanChargesCleanup.PROCESSING_GROUP)
@DisallowReplay
public class PlanChargesCleanup {

    public static final String PROCESSING_GROUP = "plan-charges-cleanup";

    private final ChargeLookup charges;
    private final CommandGateway commandGateway;

    public PlanChargesCleanup(ChargeLookup charges, CommandGateway commandGateway) {
        this.charges = charges;
        this.commandGateway = commandGateway;
    }

    @EventHandler
    public void on(PlanDeletedEvent event) {
        for (String chargeId : charges.chargesOfPlan(event.planId())) {
            try {
                commandGateway.sendAndWait(new DeleteChargeCommand(chargeId));
            } catch (AggregateNotFoundException alreadyDeleted) {
                // AggregateDeletedException is a kind of AggregateNotFoundException: nothing to do
            }
        }
    }
}
