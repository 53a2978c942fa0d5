package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.ApplyCouponCommand;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.api.coupon.CreateCouponCommand;
import com.novabilling.api.coupon.DeleteCouponCommand;
import com.novabilling.api.coupon.FindAppliedCouponQuery;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.RemoveAppliedCouponCommand;
import com.novabilling.api.coupon.UpdateCouponCommand;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.id.IdPrefix;
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
@RequestMapping("/coupons")
@Tag(name = ApiTags.COUPONS)
public class CouponCommandController {

    private final ResourceCommands commands;
    private final CouponLookupTable lookup;

    public CouponCommandController(ResourceCommands commands, CouponLookupTable lookup) {
        this.commands = commands;
        this.lookup = lookup;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCoupon", summary = "Create a coupon",
            description = "A PERCENTAGE or FIXED_AMOUNT discount applied ONCE, for a number of periods (REPEATING) "
                    + "or FOREVER, optionally limited in redemptions, time and plans; the code is unique within the "
                    + "tenant.")
    @ApiResponse(responseCode = "409", description = "Another coupon has the same code")
    public CouponView create(@Valid @RequestBody CreateCouponRequest request) {
        String couponId = IdPrefix.COUPON.newId();
        commands.send(new CreateCouponCommand(couponId, request.coupon()));
        return find(couponId);
    }

    @PatchMapping("/{couponId}")
    @Operation(operationId = "updateCoupon", summary = "Update a coupon",
            description = "Only the fields given change; an empty or absent body changes nothing. The discount "
                    + "terms can change only until the coupon is first applied (409 afterwards), maxRedemptions not "
                    + "below timesRedeemed, and the code not to another coupon's.")
    public CouponView update(@PathVariable String couponId,
                             @Valid @RequestBody(required = false) UpdateCouponRequest request) {
        UpdateCouponRequest changes = request != null ? request : UpdateCouponRequest.NO_CHANGES;
        commands.sendTo(IdPrefix.COUPON, couponId, new UpdateCouponCommand(couponId, changes.changes()));
        return find(couponId);
    }

    @DeleteMapping("/{couponId}")
    @Operation(operationId = "deleteCoupon", summary = "Delete a coupon",
            description = "Refused with 409 while the coupon is applied to a customer; deleting it frees its code.")
    public DeletedResource delete(@PathVariable String couponId) {
        commands.sendTo(IdPrefix.COUPON, couponId, new DeleteCouponCommand(couponId));
        return DeletedResource.of(couponId);
    }

    @PostMapping("/apply")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "applyCoupon", summary = "Apply a coupon to a customer",
            description = "The coupon is named by exactly one of couponId and couponCode. Answers the applied "
                    + "coupon, ACTIVE; each application counts as a redemption.")
    @ApiResponse(responseCode = "404", description = "The coupon or the customer does not exist")
    @ApiResponse(responseCode = "409", description = "The coupon is inactive, expired, has no redemptions left, is "
            + "already active on the customer, or is a FIXED_AMOUNT coupon in another currency than the customer's")
    public AppliedCouponView apply(@Valid @RequestBody ApplyCouponRequest request) {
        String couponId = couponOf(request);
        String appliedCouponId = IdPrefix.APPLIED_COUPON.newId();
        commands.sendTo(IdPrefix.COUPON, couponId,
                new ApplyCouponCommand(couponId, appliedCouponId, request.customerId().trim()));
        return findApplied(appliedCouponId);
    }

    @DeleteMapping("/applied/{appliedCouponId}")
    @Operation(operationId = "removeAppliedCoupon", summary = "Remove an applied coupon",
            description = "Ends the discount; the redemption is not given back. Answers the applied coupon, now "
                    + "REMOVED; 409 when it is already removed.")
    public AppliedCouponView removeApplied(@PathVariable String appliedCouponId) {
        String couponId = lookup.couponIdOfApplication(appliedCouponId)
                .orElseThrow(() -> new NotFoundException("Applied coupon", appliedCouponId));
        commands.sendTo(IdPrefix.COUPON, couponId, new RemoveAppliedCouponCommand(couponId, appliedCouponId));
        return findApplied(appliedCouponId);
    }

    private String couponOf(ApplyCouponRequest request) {
        boolean byId = request.couponId() != null && !request.couponId().isBlank();
        boolean byCode = request.couponCode() != null && !request.couponCode().isBlank();
        if (byId == byCode) {
            throw new ValidationException(byId ? "couponCode" : "couponId",
                    "give exactly one of couponId and couponCode");
        }
        if (byId) {
            return request.couponId().trim();
        }
        String code = request.couponCode().trim();
        return lookup.couponIdByCode(code).orElseThrow(() -> new CouponCodeNotFoundException(code));
    }

    private CouponView find(String couponId) {
        return commands.read(new FindCouponQuery(couponId), CouponView.class);
    }

    private AppliedCouponView findApplied(String appliedCouponId) {
        return commands.read(new FindAppliedCouponQuery(appliedCouponId), AppliedCouponView.class);
    }
}
