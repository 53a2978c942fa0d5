package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerSortField;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.openapi.ApiTags;
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
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageParameters.search;
import static com.novabilling.api.query.PageParameters.sortOrder;

@RestController
@RequestMapping("/customers")
@Tag(name = ApiTags.CUSTOMERS)
public class CustomerQueryController {

    private final QueryGateway queryGateway;

    public CustomerQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listCustomers", summary = "List customers",
            description = "Paginated ({data, meta}); newest first unless sortBy/sortOrder say otherwise.")
    public PageResult<CustomerView> list(@RequestParam(required = false) String page,
                                         @RequestParam(required = false) String limit,
                                         @Parameter(description = "Case-insensitive substring of name, email or "
                                                 + "externalId")
                                         @RequestParam(required = false) String search,
                                         @RequestParam(required = false) String sortBy,
                                         @RequestParam(required = false) String sortOrder) {
        ListCustomersQuery query = new ListCustomersQuery(
                page(page), limit(limit), search(search), CustomerSortField.parse(sortBy), sortOrder(sortOrder));
        return await(queryGateway.query(query, pageOf(CustomerView.class)));
    }

    @GetMapping("/{customerId}")
    @Operation(operationId = "getCustomer", summary = "Get a customer", description = "The customer by its id.")
    public CustomerView get(@PathVariable String customerId) {
        return await(queryGateway.query(new FindCustomerQuery(customerId), CustomerView.class));
    }
}
