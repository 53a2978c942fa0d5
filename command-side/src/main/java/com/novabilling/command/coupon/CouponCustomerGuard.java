package com.novabilling.command.coupon;

import com.novabilling.command.reference.DeletionGuard;
import com.novabilling.command.reference.GuardedResource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/** A customer that a coupon still discounts stays until its applications are removed. */
@Component
public class CouponCustomerGuard implements DeletionGuard {

    private final CouponLookupTable lookup;

    public CouponCustomerGuard(CouponLookupTable lookup) {
        this.lookup = lookup;
    }

    @Override
    public Optional<String> reasonToKeep(GuardedResource resource, String id) {
        if (resource != GuardedResource.CUSTOMER) {
            return Optional.empty();
        }
        List<String> applications = lookup.activeApplicationsOf(id);
        if (applications.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Customer has active coupon applications " + String.join(", ", applications)
                + "; remove them first (DELETE /coupons/applied/{id})");
    }
}
