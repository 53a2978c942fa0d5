package com.novabilling.command.charge;

import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.DeleteChargeCommand;
import com.novabilling.api.charge.FindChargeQuery;
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
@RequestMapping("/charges")
public class ChargeCommandController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public ChargeCommandController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    /** 404 when the plan or the metric does not exist; 409 when the plan already prices the metric in the currency. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ChargeView create(@Valid @RequestBody CreateChargeRequest request) {
        String chargeId = ChargeIds.newId();
        commandGateway.sendAndWait(request.toCommand(chargeId));
        return find(chargeId);
    }

    @PatchMapping("/{chargeId}")
    public ChargeView update(@PathVariable String chargeId,
                             @Valid @RequestBody(required = false) UpdateChargeRequest request) {
        ChargeIds.requireChargeId(chargeId);
        UpdateChargeRequest changes = request != null ? request : UpdateChargeRequest.NO_CHANGES;
        commandGateway.sendAndWait(changes.toCommand(chargeId));
        return find(chargeId);
    }

    @DeleteMapping("/{chargeId}")
    public DeletedResource delete(@PathVariable String chargeId) {
        ChargeIds.requireChargeId(chargeId);
        commandGateway.sendAndWait(new DeleteChargeCommand(chargeId));
        return DeletedResource.of(chargeId);
    }

    private ChargeView find(String chargeId) {
        return await(queryGateway.query(new FindChargeQuery(chargeId), ChargeView.class));
    }
}
