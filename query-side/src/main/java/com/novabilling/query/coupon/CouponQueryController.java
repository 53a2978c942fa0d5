package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.ListAppliedCouponsQuery;
import com.novabilling.api.coupon.ListCouponsQuery;
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

import static com.novabilling.api.query.PageParameters.booleanFilter;
import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageParameters.search;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
@RequestMapping("/coupons")
@Tag(name = ApiTags.COUPONS)
public class CouponQueryController {

    private final QueryGateway queryGateway;

    public CouponQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping
    @Operation(operationId = "listCoupons", summary = "List coupons",
            description = "Paginated ({data, meta}); newest first.")
    public PageResult<CouponView> list(@RequestParam(required = false) String page,
                                       @RequestParam(required = false) String limit,
                                       @Parameter(description = "true or false; absent lists both")
                                       @RequestParam(required = false) String isActive,
                                       @Parameter(description = "Case-insensitive substring of name or code")
                                       @RequestParam(required = false) String search) {
        ListCouponsQuery query = new ListCouponsQuery(page(page), limit(limit), booleanFilter(isActive, "isActive"),
                search(search));
        return await(queryGateway.query(query, pageOf(CouponView.class)));
    }

    @GetMapping("/{couponId}")
    @Operation(operationId = "getCoupon", summary = "Get a coupon", description = "The coupon by its id, with its "
            + "redemption count.")
    public CouponView get(@PathVariable String couponId) {
        return await(queryGateway.query(new FindCouponQuery(couponId), CouponView.class));
    }

    @GetMapping("/applied/list")
    @Operation(operationId = "listAppliedCoupons", summary = "List applied coupons",
            description = "Paginated ({data, meta}); oldest application first; removed ones stay listed with status "
                    + "REMOVED.")
    public PageResult<AppliedCouponView> listApplied(
            @Parameter(description = "Only this customer's applied coupons") @RequestParam(required = false) String customerId,
            @Parameter(description = "ACTIVE, REMOVED or EXHAUSTED, any letter case; absent lists all",
                    schema = @Schema(implementation = AppliedCouponStatus.class))
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit) {
        ListAppliedCouponsQuery query = new ListAppliedCouponsQuery(page(page), limit(limit),
                idFilter(customerId, "customerId"), enumFilter(AppliedCouponStatus.class, status, "status"));
        return await(queryGateway.query(query, pageOf(AppliedCouponView.class)));
    }
}
