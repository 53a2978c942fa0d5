package com.novabilling.command.coupon;

import com.novabilling.command.reference.CodeKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
public class JdbcCouponLookup implements CouponLookup {

    private final JdbcTemplate jdbcTemplate;

    public JdbcCouponLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** A coupon's code lives in {@code resource_codes} (claimed by {@link CouponLookupUpdater}), not in a table of its own. */
    @Override
    public Optional<String> couponIdByCode(String code) {
        return jdbcTemplate.queryForList("SELECT owner_id FROM resource_codes WHERE kind = ? AND code = ?",
                String.class, CodeKind.COUPON.name(), code).stream().findFirst();
    }

    @Override
    public Optional<String> couponIdOfApplication(String appliedCouponId) {
        return jdbcTemplate.queryForList("SELECT coupon_id FROM applied_coupon_lookup WHERE applied_coupon_id = ?",
                String.class, appliedCouponId).stream().findFirst();
    }

    @Override
    public List<String> codesOfCouponsScopedTo(String planId) {
        return jdbcTemplate.queryForList("""
                SELECT codes.code FROM coupon_plan_lookup scope
                JOIN resource_codes codes ON codes.owner_id = scope.coupon_id
                WHERE scope.plan_id = ? ORDER BY codes.code
                """, String.class, planId);
    }

    @Override
    public List<String> activeApplicationsOf(String customerId) {
        return jdbcTemplate.queryForList("""
                SELECT applied_coupon_id FROM applied_coupon_lookup
                WHERE customer_id = ? AND NOT removed ORDER BY applied_coupon_id
                """, String.class, customerId);
    }
}
