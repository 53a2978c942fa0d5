package com.novabilling.query.charge;

import com.novabilling.api.charge.ChargeEstimateView;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.query.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
@RequestMapping("/charges")
@Tag(name = ApiTags.CHARGES)
public class ChargeQueryController {

    private final QueryGateway queryGateway;

    public ChargeQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listCharges", summary = "List charges",
            description = "Paginated ({data, meta}); oldest first; optionally only one plan's or one metric's.")
    public PageResult<ChargeView> list(@RequestParam(required = false) String page,
                                       @RequestParam(required = false) String limit,
                                       @Parameter(description = "Only the charges of this plan")
                                       @RequestParam(required = false) String planId,
                                       @Parameter(description = "Only the charges of this billable metric")
                                       @RequestParam(required = false) String billableMetricId) {
        ListChargesQuery query = new ListChargesQuery(page(page), limit(limit), idFilter(planId, "planId"),
                idFilter(billableMetricId, "billableMetricId"));
        return await(queryGateway.query(query, pageOf(ChargeView.class)));
    }

    @GetMapping("/{chargeId}")
    @Operation(operationId = "getCharge", summary = "Get a charge", description = "The charge by its id, with its "
            + "pricing properties and filters.")
    public ChargeView get(@PathVariable String chargeId) {
        return await(queryGateway.query(new FindChargeQuery(chargeId), ChargeView.class));
    }

    @GetMapping("/plan/{planId}")
    @Operation(operationId = "listChargesOfPlan", summary = "List the charges of a plan",
            description = "Paginated ({data, meta}); oldest first; 404 when the plan does not exist.")
    public PageResult<ChargeView> listOfPlan(@PathVariable String planId,
                                             @RequestParam(required = false) String page,
                                             @RequestParam(required = false) String limit) {
        await(queryGateway.query(new FindPlanQuery(planId), PlanView.class));
        ListChargesQuery query = new ListChargesQuery(page(page), limit(limit), planId, null);
        return await(queryGateway.query(query, pageOf(ChargeView.class)));
    }

    @PostMapping("/{chargeId}/estimate")
    @Operation(operationId = "estimateCharge", summary = "Estimate a charge",
            description = "Prices units or usage events with the charge without storing anything. "
                    + "Answers {units, amount, currency, breakdown}: amount in major units of the charge currency, "
                    + "each filter bucket's fee rounded once (HALF_UP); the breakdown lines are unrounded. With events, "
                    + "the window defaults to [earliest event, latest event + 1 s) and is echoed as from/to.")
    public ChargeEstimateView estimate(@PathVariable String chargeId, @Valid @RequestBody EstimateChargeRequest request) {
        return await(queryGateway.query(request.toQuery(chargeId), ChargeEstimateView.class));
    }
}
