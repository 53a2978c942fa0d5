package com.novabilling.command.customer;

import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.UpdateCustomerCommand;
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
@RequestMapping("/customers")
@Tag(name = ApiTags.CUSTOMERS)
public class CustomerCommandController {

    private final ResourceCommands commands;

    public CustomerCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCustomer", summary = "Create a customer",
            description = "The customer's currency is the one it is billed in; email and externalId are unique "
                    + "within the tenant.")
    @ApiResponse(responseCode = "409", description = "Another customer has the same email or externalId")
    public CustomerView create(@Valid @RequestBody CreateCustomerRequest request) {
        String customerId = IdPrefix.CUSTOMER.newId();
        commands.send(new CreateCustomerCommand(customerId, request.details()));
        return find(customerId);
    }

    @PatchMapping("/{customerId}")
    @Operation(operationId = "updateCustomer", summary = "Update a customer",
            description = "Only the fields given change; an empty or absent body changes nothing. 409 when the new "
                    + "email or externalId belongs to another customer.")
    public CustomerView update(@PathVariable String customerId,
                               @Valid @RequestBody(required = false) UpdateCustomerRequest request) {
        UpdateCustomerRequest changes = request != null ? request : UpdateCustomerRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.CUSTOMER, customerId, new UpdateCustomerCommand(customerId, changes.changes()));
        return find(customerId);
    }

    @DeleteMapping("/{customerId}")
    @Operation(operationId = "deleteCustomer", summary = "Delete a customer",
            description = "Refused with 409 while something still bills the customer: an active "
                    + "coupon application or a pending add-on.")
    public DeletedResource delete(@PathVariable String customerId) {
        commands.sendTo(IdPrefix.CUSTOMER, customerId, new DeleteCustomerCommand(customerId));
        return DeletedResource.of(customerId);
    }

    private CustomerView find(String customerId) {
        return commands.read(new FindCustomerQuery(customerId), CustomerView.class);
    }
}
