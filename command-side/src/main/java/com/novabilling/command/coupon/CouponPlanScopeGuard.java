package com.novabilling.command.coupon;

import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A plan that a coupon is scoped to stays until it is taken out of the coupon's {@code planIds}. */
@Component
public class CouponPlanScopeGuard implements DeletionGuard {

    private final CouponLookupTable lookup;

    public CouponPlanScopeGuard(CouponLookupTable lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        if (resource != GuardedResource.PLAN) {
            return Optional.empty();
        }
        List<String> codes = lookup.codesOfCouponsScopedTo(id);
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        String quoted = codes.stream().map(code -> "'" + code + "'").collect(Collectors.joining(", "));
        return Optional.of("Plan is in the planIds of coupon " + quoted + "; remove it from the coupon first");
    }
}
