package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.addon.AppliedAddOnStatus;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.ListAddOnsQuery;
import com.novabilling.api.addon.ListAppliedAddOnsQuery;
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
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageParameters.search;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
@RequestMapping("/add-ons")
@Tag(name = ApiTags.ADD_ONS)
public class AddOnQueryController {

    private final QueryGateway queryGateway;

    public AddOnQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listAddOns", summary = "List add-ons",
            description = "Paginated ({data, meta}); newest first.")
    public PageResult<AddOnView> list(@RequestParam(required = false) String page,
                                      @RequestParam(required = false) String limit,
                                      @Parameter(description = "Case-insensitive substring of name or code")
                                      @RequestParam(required = false) String search) {
        ListAddOnsQuery query = new ListAddOnsQuery(page(page), limit(limit), search(search));
        return await(queryGateway.query(query, pageOf(AddOnView.class)));
    }

    @GetMapping("/{addOnId}")
    @Operation(operationId = "getAddOn", summary = "Get an add-on", description = "The add-on by its id, with its "
            + "prices.")
    public AddOnView get(@PathVariable String addOnId) {
        return await(queryGateway.query(new FindAddOnQuery(addOnId), AddOnView.class));
    }

    @GetMapping("/applied/list")
    @Operation(operationId = "listAppliedAddOns", summary = "List applied add-ons", description = "Paginated "
            + "({data, meta}); newest first. PENDING ones wait for the customer's "
            + "next invoice.")
    public PageResult<AppliedAddOnView> listApplied(
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String customerId,
            @RequestParam(required = false) String subscriptionId,
            @Parameter(description = "Any letter case", schema = @Schema(implementation = AppliedAddOnStatus.class))
            @RequestParam(required = false) String status) {
        ListAppliedAddOnsQuery query = new ListAppliedAddOnsQuery(page(page), limit(limit),
                idFilter(customerId, "customerId"), idFilter(subscriptionId, "subscriptionId"),
                enumFilter(AppliedAddOnStatus.class, status, "status"));
        return await(queryGateway.query(query, pageOf(AppliedAddOnView.class)));
    }
}
