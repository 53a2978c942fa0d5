package com.novabilling.query.subscription;

import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.subscription.FindSubscriptionQuery;
import com.novabilling.api.subscription.ListSubscriptionsQuery;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
public class SubscriptionQueryController {

    private final QueryGateway queryGateway;

    public SubscriptionQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/subscriptions")
    @Tag(name = ApiTags.SUBSCRIPTIONS)
    @Operation(operationId = "listSubscriptions", summary = "List subscriptions",
            description = "Paginated ({data, meta}), newest first; the filters combine. Items do not embed the "
                    + "plan and the customer (GET /subscriptions/{id} does).")
    public PageResult<SubscriptionView> list(@RequestParam(required = false) String page,
                                             @RequestParam(required = false) String limit,
                                             @Parameter(description = "TRIALING, ACTIVE, PAUSED or CANCELED, any "
                                                     + "letter case") @RequestParam(required = false) String status,
                                             @RequestParam(required = false) String planId,
                                             @RequestParam(required = false) String customerId) {
        ListSubscriptionsQuery query = new ListSubscriptionsQuery(page(page), limit(limit),
                enumFilter(SubscriptionStatus.class, status, "status"), idFilter(planId, "planId"),
                idFilter(customerId, "customerId"));
        return await(queryGateway.query(query, pageOf(SubscriptionView.class)));
    }

    @GetMapping("/subscriptions/{subscriptionId}")
    @Tag(name = ApiTags.SUBSCRIPTIONS)
    @Operation(operationId = "getSubscription", summary = "Get a subscription",
            description = "The subscription by its id, embedding its plan (with the subscription's price) and "
                    + "its customer.")
    public SubscriptionView get(@PathVariable String subscriptionId) {
        return await(queryGateway.query(new FindSubscriptionQuery(subscriptionId), SubscriptionView.class));
    }

    @GetMapping("/customers/{customerId}/subscriptions")
    @Tag(name = ApiTags.CUSTOMERS)
    @Operation(operationId = "listSubscriptionsOfCustomer", summary = "List a customer's subscriptions",
            description = "Paginated ({data, meta}), newest first, canceled ones included; 404 when the customer "
                    + "does not exist.")
    public PageResult<SubscriptionView> listOfCustomer(@PathVariable String customerId,
                                                       @RequestParam(required = false) String page,
                                                       @RequestParam(required = false) String limit,
                                                       @Parameter(description = "TRIALING, ACTIVE, PAUSED or "
                                                               + "CANCELED, any letter case")
                                                       @RequestParam(required = false) String status) {
        ListSubscriptionsQuery query = new ListSubscriptionsQuery(page(page), limit(limit),
                enumFilter(SubscriptionStatus.class, status, "status"), null, customerId);
        await(queryGateway.query(new FindCustomerQuery(customerId), CustomerView.class));
        return await(queryGateway.query(query, pageOf(SubscriptionView.class)));
    }
}
