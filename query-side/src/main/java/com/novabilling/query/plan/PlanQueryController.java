package com.novabilling.query.plan;

import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.ListPlansQuery;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.query.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;
import static com.novabilling.api.query.PageParameters.booleanFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageParameters.search;

@RestController
@RequestMapping("/plans")
@Tag(name = ApiTags.PLANS)
public class PlanQueryController {

    private final QueryGateway queryGateway;

    public PlanQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listPlans", summary = "List plans",
            description = "Paginated ({data, meta}); newest first.")
    public PageResult<PlanView> list(@RequestParam(required = false) String page,
                                     @RequestParam(required = false) String limit,
                                     @Parameter(description = "true or false; absent lists both")
                                     @RequestParam(required = false) String active,
                                     @Parameter(description = "Case-insensitive substring of name or code")
                                     @RequestParam(required = false) String search) {
        ListPlansQuery query = new ListPlansQuery(page(page), limit(limit), booleanFilter(active, "active"), search(search));
        return await(queryGateway.query(query, pageOf(PlanView.class)));
    }

    @GetMapping("/{planId}")
    @Operation(operationId = "getPlan", summary = "Get a plan", description = "The plan by its id, with its prices.")
    public PlanView get(@PathVariable String planId) {
        return await(queryGateway.query(new FindPlanQuery(planId), PlanView.class));
    }
}
