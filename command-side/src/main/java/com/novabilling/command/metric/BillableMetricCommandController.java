package com.novabilling.command.metric;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.DeleteBillableMetricCommand;
import com.novabilling.api.metric.FindBillableMetricQuery;
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
@RequestMapping("/billable-metrics")
@Tag(name = ApiTags.BILLABLE_METRICS)
public class BillableMetricCommandController {

    private final ResourceCommands commands;

    public BillableMetricCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createBillableMetric", summary = "Create a billable metric",
            description = "What usage events of one code are aggregated into (COUNT, SUM, MAX, UNIQUE_COUNT, LATEST, "
                    + "WEIGHTED_SUM, over fieldName where the type needs one), with optional filters; the code is "
                    + "unique within the tenant.")
    @ApiResponse(responseCode = "409", description = "Another billable metric has the same code")
    public BillableMetricView create(@Valid @RequestBody CreateBillableMetricRequest request) {
        String billableMetricId = IdPrefix.BILLABLE_METRIC.newId();
        commands.send(request.toCommand(billableMetricId));
        return find(billableMetricId);
    }

    @PatchMapping("/{billableMetricId}")
    @Operation(operationId = "updateBillableMetric", summary = "Update a billable metric",
            description = "Only the fields given change; an empty or absent body changes nothing. 409 when the new "
                    + "code belongs to another metric, or while charges use the metric when its code, aggregationType, "
                    + "fieldName or recurring would change or a filter value a charge filter uses would be removed.")
    public BillableMetricView update(@PathVariable String billableMetricId,
                                     @Valid @RequestBody(required = false) UpdateBillableMetricRequest request) {
        UpdateBillableMetricRequest changes = request != null ? request : UpdateBillableMetricRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.BILLABLE_METRIC, billableMetricId, changes.toCommand(billableMetricId));
        return find(billableMetricId);
    }

    @DeleteMapping("/{billableMetricId}")
    @Operation(operationId = "deleteBillableMetric", summary = "Delete a billable metric",
            description = "Refused with 409 while a charge uses the metric; deleting it frees its code.")
    public DeletedResource delete(@PathVariable String billableMetricId) {
        commands.sendTo(IdPrefix.BILLABLE_METRIC, billableMetricId, new DeleteBillableMetricCommand(billableMetricId));
        return DeletedResource.of(billableMetricId);
    }

    private BillableMetricView find(String billableMetricId) {
        return commands.read(new FindBillableMetricQuery(billableMetricId), BillableMetricView.class);
    }
}
