package com.novabilling.command.customer;

import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.DeleteCustomerCommand;
import com.novabilling.api.customer.FindCustomerQuery;
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
@RequestMapping("/customers")
public class CustomerCommandController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public CustomerCommandController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public CustomerView create(@Valid @RequestBody CreateCustomerRequest request) {
        String customerId = CustomerIds.newId();
        commandGateway.sendAndWait(request.toCommand(customerId));
        return find(customerId);
    }

    @PatchMapping("/{customerId}")
    public CustomerView update(@PathVariable String customerId,
                               @Valid @RequestBody(required = false) UpdateCustomerRequest request) {
        CustomerIds.requireCustomerId(customerId);
        UpdateCustomerRequest changes = request != null ? request : UpdateCustomerRequest.NO_CHANGES;
        commandGateway.sendAndWait(changes.toCommand(customerId));
        return find(customerId);
    }

    @DeleteMapping("/{customerId}")
    public DeletedResource delete(@PathVariable String customerId) {
        CustomerIds.requireCustomerId(customerId);
        commandGateway.sendAndWait(new DeleteCustomerCommand(customerId));
        return DeletedResource.of(customerId);
    }

    private CustomerView find(String customerId) {
        return await(queryGateway.query(new FindCustomerQuery(customerId), CustomerView.class));
    }
}
