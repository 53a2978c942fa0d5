package com.novabilling.query.metric;

import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.FindBillableMetricQuery;
import com.novabilling.api.metric.ListBillableMetricsQuery;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageParameters.search;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
@RequestMapping("/billable-metrics")
@Tag(name = ApiTags.BILLABLE_METRICS)
public class BillableMetricQueryController {

    private final QueryGateway queryGateway;

    public BillableMetricQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listBillableMetrics", summary = "List billable metrics",
            description = "Paginated ({data, meta}); newest first.")
    public PageResult<BillableMetricView> list(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @Parameter(description = "Case-insensitive substring of name or code")
            @RequestParam(required = false) String search,
            @Parameter(description = "Only metrics of this type; any letter case",
                    schema = @Schema(implementation = AggregationType.class))
            @RequestParam(required = false) String aggregationType) {
        ListBillableMetricsQuery query = new ListBillableMetricsQuery(page(page), limit(limit), search(search),
                enumFilter(AggregationType.class, aggregationType, "aggregationType"));
        return await(queryGateway.query(query, pageOf(BillableMetricView.class)));
    }

    @GetMapping("/{billableMetricId}")
    @Operation(operationId = "getBillableMetric", summary = "Get a billable metric",
            description = "The billable metric by its id, with its filters.")
    public BillableMetricView get(@PathVariable String billableMetricId) {
        return await(queryGateway.query(new FindBillableMetricQuery(billableMetricId), BillableMetricView.class));
    }
}
