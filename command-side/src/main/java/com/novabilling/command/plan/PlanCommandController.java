package com.novabilling.command.plan;

import com.novabilling.api.plan.AddPlanPriceCommand;
import com.novabilling.api.plan.DeletePlanCommand;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.plan.RemovePlanPriceCommand;
import com.novabilling.command.web.DeletedResource;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.QueryResults.await;

@RestController
@RequestMapping("/plans")
public class PlanCommandController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public PlanCommandController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public PlanView create(@Valid @RequestBody CreatePlanRequest request) {
        String planId = PlanIds.newPlanId();
        commandGateway.sendAndWait(request.toCommand(planId));
        return find(planId);
    }

    @PatchMapping("/{planId}")
    public PlanView update(@PathVariable String planId, @Valid @RequestBody(required = false) UpdatePlanRequest request) {
        PlanIds.requirePlanId(planId);
        UpdatePlanRequest changes = request != null ? request : UpdatePlanRequest.NO_CHANGES;
        commandGateway.sendAndWait(changes.toCommand(planId));
        return find(planId);
    }

    /** Refused with 409 while a subscription uses the plan; the plan's charges are deleted with it. */
    @DeleteMapping("/{planId}")
    public DeletedResource delete(@PathVariable String planId) {
        PlanIds.requirePlanId(planId);
        commandGateway.sendAndWait(new DeletePlanCommand(planId));
        return DeletedResource.of(planId);
    }

    /** Answers the whole plan with the new price among its {@code prices}. */
    @PostMapping("/{planId}/prices")
    @ResponseStatus(HttpStatus.CREATED)
    public PlanView addPrice(@PathVariable String planId, @Valid @RequestBody PlanPriceRequest request) {
        PlanIds.requirePlanId(planId);
        commandGateway.sendAndWait(new AddPlanPriceCommand(planId, PlanIds.newPriceId(),
                request.toPrice(null, "").amount()));
        return find(planId);
    }

    /** Changes the amount; the currency of a price cannot change. */
    @PatchMapping("/{planId}/prices/{priceId}")
    public PlanView updatePrice(@PathVariable String planId, @PathVariable String priceId,
                                @Valid @RequestBody UpdatePlanPriceRequest request) {
        PlanIds.requirePlanId(planId);
        commandGateway.sendAndWait(request.toCommand(planId, priceId));
        return find(planId);
    }

    /** Refused with 409 while a charge of the plan prices in this price's currency. */
    @DeleteMapping("/{planId}/prices/{priceId}")
    public PlanView removePrice(@PathVariable String planId, @PathVariable String priceId) {
        PlanIds.requirePlanId(planId);
        commandGateway.sendAndWait(new RemovePlanPriceCommand(planId, priceId));
        return find(planId);
    }

    private PlanView find(String planId) {
        return await(queryGateway.query(new FindPlanQuery(planId), PlanView.class));
    }
}
