package com.novabilling.command.plan;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.plan.AddPlanPriceCommand;
import com.novabilling.api.plan.DeletePlanCommand;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.plan.RemovePlanPriceCommand;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.command.web.ResourceCommands;
import com.novabilling.command.web.DeletedResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/plans")
@Tag(name = ApiTags.PLANS)
public class PlanCommandController {

    private final ResourceCommands commands;

    public PlanCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createPlan", summary = "Create a plan",
            description = "A plan has a billing interval and one price per currency; its code is unique within the "
                    + "tenant.")
    @ApiResponse(responseCode = "409", description = "Another plan has the same code")
    public PlanView create(@Valid @RequestBody CreatePlanRequest request) {
        String planId = IdPrefix.PLAN.newId();
        commands.send(request.toCommand(planId));
        return find(planId);
    }

    @PatchMapping("/{planId}")
    @Operation(operationId = "updatePlan", summary = "Update a plan",
            description = "Only the fields given change; an empty or absent body changes nothing. 409 when the new "
                    + "code belongs to another plan.")
    public PlanView update(@PathVariable String planId, @Valid @RequestBody(required = false) UpdatePlanRequest request) {
        UpdatePlanRequest changes = request != null ? request : UpdatePlanRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.PLAN, planId, changes.toCommand(planId));
        return find(planId);
    }

    @DeleteMapping("/{planId}")
    @Operation(operationId = "deletePlan", summary = "Delete a plan",
            description = "The plan's charges are deleted with it. Refused with 409 while something uses "
                    + "the plan, such as a coupon naming it in its planIds.")
    public DeletedResource delete(@PathVariable String planId) {
        commands.sendTo(IdPrefix.PLAN, planId, new DeletePlanCommand(planId));
        return DeletedResource.of(planId);
    }

    @PostMapping("/{planId}/prices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "addPlanPrice", summary = "Add a price to a plan",
            description = "Answers the whole plan with the new price among its prices.")
    @ApiResponse(responseCode = "409", description = "The plan already has a price in this currency")
    public PlanView addPrice(@PathVariable String planId, @Valid @RequestBody PlanPriceRequest request) {
        commands.sendTo(IdPrefix.PLAN, planId, new AddPlanPriceCommand(planId, IdPrefix.PLAN_PRICE.newId(),
                request.toPrice(null, "").amount()));
        return find(planId);
    }

    @PatchMapping("/{planId}/prices/{priceId}")
    @Operation(operationId = "updatePlanPrice", summary = "Update a plan price",
            description = "Changes the amount; the currency of a price cannot change. Answers the whole plan.")
    public PlanView updatePrice(@PathVariable String planId, @PathVariable String priceId,
                                @Valid @RequestBody UpdatePlanPriceRequest request) {
        commands.sendTo(IdPrefix.PLAN, planId, request.toCommand(planId, priceId));
        return find(planId);
    }

    @DeleteMapping("/{planId}/prices/{priceId}")
    @Operation(operationId = "deletePlanPrice", summary = "Delete a plan price",
            description = "Refused with 409 while a charge of the plan prices in this price's currency. Answers the "
                    + "whole plan.")
    public PlanView removePrice(@PathVariable String planId, @PathVariable String priceId) {
        commands.sendTo(IdPrefix.PLAN, planId, new RemovePlanPriceCommand(planId, priceId));
        return find(planId);
    }

    private PlanView find(String planId) {
        return commands.read(new FindPlanQuery(planId), PlanView.class);
    }
}
