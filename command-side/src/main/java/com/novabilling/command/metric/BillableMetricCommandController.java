package com.novabilling.command.metric;

import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.DeleteBillableMetricCommand;
import com.novabilling.api.metric.FindBillableMetricQuery;
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
@RequestMapping("/billable-metrics")
public class BillableMetricCommandController {

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    public BillableMetricCommandController(CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public BillableMetricView create(@Valid @RequestBody CreateBillableMetricRequest request) {
        String billableMetricId = BillableMetricIds.newId();
        commandGateway.sendAndWait(request.toCommand(billableMetricId));
        return find(billableMetricId);
    }

    @PatchMapping("/{billableMetricId}")
    public BillableMetricView update(@PathVariable String billableMetricId,
                                     @Valid @RequestBody(required = false) UpdateBillableMetricRequest request) {
        BillableMetricIds.requireBillableMetricId(billableMetricId);
        UpdateBillableMetricRequest changes = request != null ? request : UpdateBillableMetricRequest.NO_CHANGES;
        commandGateway.sendAndWait(changes.toCommand(billableMetricId));
        return find(billableMetricId);
    }

    /** Refused with 409 while a charge uses the metric. */
    @DeleteMapping("/{billableMetricId}")
    public DeletedResource delete(@PathVariable String billableMetricId) {
        BillableMetricIds.requireBillableMetricId(billableMetricId);
        commandGateway.sendAndWait(new DeleteBillableMetricCommand(billableMetricId));
        return DeletedResource.of(billableMetricId);
    }

    private BillableMetricView find(String billableMetricId) {
        return await(queryGateway.query(new FindBillableMetricQuery(billableMetricId), BillableMetricView.class));
    }
}
