package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.addon.DeleteAddOnCommand;
import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.FindAppliedAddOnQuery;
import com.novabilling.api.addon.RemoveAppliedAddOnCommand;
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
@RequestMapping("/add-ons")
@Tag(name = ApiTags.ADD_ONS)
public class AddOnCommandController {

    private final ResourceCommands commands;

    public AddOnCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createAddOn", summary = "Create an add-on", description = "A one-off charge with a "
            + "price per currency; the code is unique within the tenant.")
    @ApiResponse(responseCode = "409", description = "Another add-on has the same code")
    public AddOnView create(@Valid @RequestBody CreateAddOnRequest request) {
        String addOnId = IdPrefix.ADD_ON.newId();
        commands.send(request.toCommand(addOnId));
        return findAddOn(addOnId);
    }

    @PatchMapping("/{addOnId}")
    @Operation(operationId = "updateAddOn", summary = "Update an add-on",
            description = "Every field may change; a given prices list replaces the whole list. Add-ons already "
                    + "applied keep the name, code and price they captured. 409 when the new code belongs to another "
                    + "add-on.")
    public AddOnView update(@PathVariable String addOnId, @Valid @RequestBody(required = false) UpdateAddOnRequest request) {
        UpdateAddOnRequest changes = request != null ? request : UpdateAddOnRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.ADD_ON, addOnId, changes.toCommand(addOnId));
        return findAddOn(addOnId);
    }

    @DeleteMapping("/{addOnId}")
    @Operation(operationId = "deleteAddOn", summary = "Delete an add-on",
            description = "Allowed even while applications of the add-on are pending: each applied add-on captured "
                    + "the add-on's name, code and price when it was applied, so it stays billable on the customer's "
                    + "next invoice. The add-on's code becomes free again.")
    public DeletedResource delete(@PathVariable String addOnId) {
        commands.sendTo(IdPrefix.ADD_ON, addOnId, new DeleteAddOnCommand(addOnId));
        return DeletedResource.of(addOnId);
    }

    @PostMapping("/apply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "applyAddOn", summary = "Apply an add-on to a customer",
            description = "Optionally for one of the customer's subscriptions. The applied add-on captures the "
                    + "add-on's name, code and price in the chosen currency and stays PENDING until the customer's "
                    + "next invoice; amount = unitAmount × quantity.")
    @ApiResponse(responseCode = "404", description = "The add-on, the customer or the subscription does not exist")
    public AppliedAddOnView apply(@Valid @RequestBody ApplyAddOnRequest request) {
        String appliedAddOnId = IdPrefix.APPLIED_ADD_ON.newId();
        commands.send(request.toCommand(appliedAddOnId));
        return findApplied(appliedAddOnId);
    }

    @DeleteMapping("/applied/{appliedAddOnId}")
    @Operation(operationId = "removeAppliedAddOn", summary = "Remove an applied add-on",
            description = "Only a PENDING applied add-on can be removed (409 otherwise); answers it in status REMOVED.")
    public AppliedAddOnView removeApplied(@PathVariable String appliedAddOnId) {
        commands.sendTo(IdPrefix.APPLIED_ADD_ON, appliedAddOnId, new RemoveAppliedAddOnCommand(appliedAddOnId));
        return findApplied(appliedAddOnId);
    }

    private AddOnView findAddOn(String addOnId) {
        return commands.read(new FindAddOnQuery(addOnId), AddOnView.class);
    }

    private AppliedAddOnView findApplied(String appliedAddOnId) {
        return commands.read(new FindAppliedAddOnQuery(appliedAddOnId), AppliedAddOnView.class);
    }
}
