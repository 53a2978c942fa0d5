package com.novabilling.command.charge;

import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.CreateChargeCommand;
import com.novabilling.api.charge.DeleteChargeCommand;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.UpdateChargeCommand;
import com.novabilling.api.id.IdPrefix;
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
@RequestMapping("/charges")
@Tag(name = ApiTags.CHARGES)
public class ChargeCommandController {

    private final ResourceCommands commands;

    public ChargeCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCharge", summary = "Create a charge",
            description = "Prices a billable metric on a plan in one of the plan's currencies with a charge model "
                    + "(STANDARD, GRADUATED, VOLUME, PACKAGE, PERCENTAGE), optionally per filter value.")
    @ApiResponse(responseCode = "404", description = "The plan or the billable metric does not exist")
    @ApiResponse(responseCode = "409", description = "The plan already has a charge for the metric in this currency")
    public ChargeView create(@Valid @RequestBody CreateChargeRequest request) {
        String chargeId = IdPrefix.CHARGE.newId();
        commands.send(new CreateChargeCommand(chargeId, request.details()));
        return find(chargeId);
    }

    @PatchMapping("/{chargeId}")
    @Operation(operationId = "updateCharge", summary = "Update a charge",
            description = "Only the fields given change; an empty or absent body changes nothing. 409 when the "
                    + "change would give the plan a second charge for the metric in the same currency.")
    public ChargeView update(@PathVariable String chargeId,
                             @Valid @RequestBody(required = false) UpdateChargeRequest request) {
        UpdateChargeRequest changes = request != null ? request : UpdateChargeRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.CHARGE, chargeId, new UpdateChargeCommand(chargeId, changes.changes()));
        return find(chargeId);
    }

    @DeleteMapping("/{chargeId}")
    @Operation(operationId = "deleteCharge", summary = "Delete a charge", description = "The charge stops pricing "
            + "usage from now on.")
    public DeletedResource delete(@PathVariable String chargeId) {
        commands.sendTo(IdPrefix.CHARGE, chargeId, new DeleteChargeCommand(chargeId));
        return DeletedResource.of(chargeId);
    }

    private ChargeView find(String chargeId) {
        return commands.read(new FindChargeQuery(chargeId), ChargeView.class);
    }
}
