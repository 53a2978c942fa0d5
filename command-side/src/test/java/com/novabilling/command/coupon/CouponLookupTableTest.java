package com.novabilling.command.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.error.ConflictException;
import com.novabilling.command.reference.GuardedResource;
import com.novabilling.command.reference.JdbcResourceCodes;
import com.novabilling.command.support.TenantSchemaTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The coupon lookup table's event handlers and queries, and the plan guard, against the real tenant migrations on
 * PostgreSQL (no Spring context).
 */
class CouponLookupTableTest extends TenantSchemaTest {

    private static final CouponDiscount TEN_PERCENT = CouponDiscount.percentageOf(BigDecimal.TEN);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final CouponLookupTable lookup = new CouponLookupTable(jdbcTemplate, new JdbcResourceCodes(jdbcTemplate));
    private final CouponPlanScopeGuard guard = new CouponPlanScopeGuard(lookup);

    @BeforeEach
    void emptyTables() {
        jdbcTemplate.update("TRUNCATE resource_codes, applied_coupon_lookup, coupon_plan_lookup");
    }

    private static CouponCreatedEvent created(String id, String code, List<String> planIds) {
        return new CouponCreatedEvent(id, new CouponDetails("Name", code, null, TEN_PERCENT, CouponDuration.ONCE, null,
                null, null, planIds, true, Map.of()));
    }

    private static CouponUpdatedEvent updated(String id, String code, List<String> planIds) {
        return new CouponUpdatedEvent(id, new CouponDetails("Name", code, null, TEN_PERCENT, CouponDuration.ONCE, null,
                null, null, planIds, true, Map.of()));
    }

    private static CouponAppliedEvent applied(String couponId, String appliedId) {
        return new CouponAppliedEvent(couponId, appliedId, "CODE", "cus_a", TEN_PERCENT, CouponDuration.ONCE, null, 1);
    }

    @Test
    void findsCouponsByCodeAndReleasesOldCodesOnUpdate() {
        lookup.on(created("cpn_a", "WELCOME", List.of()));
        assertThat(lookup.couponIdByCode("WELCOME")).contains("cpn_a");
        assertThat(lookup.couponIdByCode("welcome")).as("codes are case-sensitive").isEmpty();

        lookup.on(updated("cpn_a", "HELLO", List.of()));
        assertThat(lookup.couponIdByCode("WELCOME")).isEmpty();
        assertThat(lookup.couponIdByCode("HELLO")).contains("cpn_a");
    }

    @Test
    void duplicateCodePastThePreCheckIsAConflictOnCode() {
        lookup.on(created("cpn_a", "WELCOME", List.of()));

        assertThatThrownBy(() -> lookup.on(created("cpn_b", "WELCOME", List.of())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.field()).isEqualTo("code"));
    }

    @Test
    void findsTheCouponOfAnApplicationUntilTheCouponIsDeleted() {
        lookup.on(created("cpn_a", "WELCOME", List.of("pln_1")));
        lookup.on(applied("cpn_a", "apc_1"), T0);
        lookup.on(applied("cpn_a", "apc_1"), T0);
        assertThat(lookup.couponIdOfApplication("apc_1")).contains("cpn_a");
        assertThat(lookup.couponIdOfApplication("apc_unknown")).isEmpty();

        lookup.on(new CouponDeletedEvent("cpn_a", "WELCOME"));

        assertThat(lookup.couponIdOfApplication("apc_1")).isEmpty();
        assertThat(lookup.couponIdByCode("WELCOME")).as("a deleted coupon's code is free again").isEmpty();
        assertThat(lookup.codesOfCouponsScopedTo("pln_1")).isEmpty();
    }

    @Test
    void planInACouponsScopeCannotBeDeleted() {
        lookup.on(created("cpn_a", "B-COUPON", List.of("pln_1", "pln_2")));
        lookup.on(created("cpn_b", "A-COUPON", List.of("pln_1")));

        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_1"))
                .contains("Plan is in the planIds of coupon 'A-COUPON', 'B-COUPON'; remove it from the coupon first");
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_3")).isEmpty();
        assertThat(guard.reasonToKeep(GuardedResource.PLAN_PRICE, "pln_1")).isEmpty();

        lookup.on(updated("cpn_a", "B-COUPON", List.of("pln_2")));
        lookup.on(updated("cpn_b", "A-COUPON", List.of()));
        assertThat(guard.reasonToKeep(GuardedResource.PLAN, "pln_1")).isEmpty();
        assertThat(lookup.codesOfCouponsScopedTo("pln_2")).containsExactly("B-COUPON");
    }

    @Test
    void customerWithAnActiveApplicationCannotBeDeleted() {
        lookup.on(created("cpn_a", "WELCOME", List.of()));
        lookup.on(applied("cpn_a", "apc_2"), T0);
        lookup.on(applied("cpn_a", "apc_1"), T0);
        CouponCustomerGuard customers = new CouponCustomerGuard(lookup);

        assertThat(lookup.activeApplicationsOf("cus_a")).containsExactly("apc_1", "apc_2");
        assertThat(customers.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).contains("Customer has active coupon "
                + "applications apc_1, apc_2; remove them first (DELETE /coupons/applied/{id})");
        assertThat(customers.reasonToKeep(GuardedResource.CUSTOMER, "cus_b")).isEmpty();
        assertThat(customers.reasonToKeep(GuardedResource.PLAN, "cus_a")).isEmpty();

        lookup.on(new AppliedCouponRemovedEvent("cpn_a", "apc_1", "cus_a"));
        lookup.on(new AppliedCouponRemovedEvent("cpn_a", "apc_1", "cus_a"));
        assertThat(lookup.activeApplicationsOf("cus_a")).containsExactly("apc_2");
        assertThat(lookup.couponIdOfApplication("apc_1")).as("a removed application still finds its coupon").contains("cpn_a");
        lookup.on(new AppliedCouponRemovedEvent("cpn_a", "apc_2", "cus_a"));
        assertThat(customers.reasonToKeep(GuardedResource.CUSTOMER, "cus_a")).isEmpty();
    }

    @Test
    void activeCouponsInApplicationOrderWithWhatIsLeftWithinThePlanScope() {
        Money kes500 = Money.ofMinor(50000, CurrencyCode.KES);
        lookup.on(created("cpn_a", "TEN", List.of()));
        lookup.on(created("cpn_b", "FIXED", List.of()));
        lookup.on(created("cpn_c", "SCOPED", List.of("pln_2")));
        lookup.on(new CouponAppliedEvent("cpn_b", "apc_b", "FIXED", "cus_a", CouponDiscount.fixed(kes500),
                CouponDuration.ONCE, null, 1), T0.plusSeconds(2));
        lookup.on(new CouponAppliedEvent("cpn_a", "apc_a", "TEN", "cus_a", TEN_PERCENT, CouponDuration.REPEATING, 2,
                1), T0.plusSeconds(1));
        lookup.on(new CouponAppliedEvent("cpn_c", "apc_c", "SCOPED", "cus_a", TEN_PERCENT, CouponDuration.FOREVER,
                null, 1), T0);

        assertThat(lookup.activeCouponsOf("cus_a", "pln_1")).containsExactly(
                new CouponLookupTable.ActiveCoupon("cpn_a", "apc_a", "TEN", TEN_PERCENT, CouponDuration.REPEATING, 2,
                        null),
                new CouponLookupTable.ActiveCoupon("cpn_b", "apc_b", "FIXED", CouponDiscount.fixed(kes500),
                        CouponDuration.ONCE, null, null));
        assertThat(lookup.activeCouponsOf("cus_a", "pln_2")).extracting(CouponLookupTable.ActiveCoupon::appliedCouponId)
                .containsExactly("apc_c", "apc_a", "apc_b");

        lookup.on(new CouponUsageRecordedEvent("cpn_a", "apc_a", "cus_a", "inv_1", Money.ofMinor(100, CurrencyCode.KES),
                1, null, false));
        lookup.on(new CouponUsageRecordedEvent("cpn_b", "apc_b", "cus_a", "inv_1", Money.ofMinor(20000,
                CurrencyCode.KES), null, Money.ofMinor(30000, CurrencyCode.KES), false));
        assertThat(lookup.activeCouponsOf("cus_a", "pln_1")).containsExactly(
                new CouponLookupTable.ActiveCoupon("cpn_a", "apc_a", "TEN", TEN_PERCENT, CouponDuration.REPEATING, 1,
                        null),
                new CouponLookupTable.ActiveCoupon("cpn_b", "apc_b", "FIXED", CouponDiscount.fixed(kes500),
                        CouponDuration.ONCE, null, Money.ofMinor(30000, CurrencyCode.KES)));

        lookup.on(new CouponUsageRecordedEvent("cpn_a", "apc_a", "cus_a", "inv_2", Money.ofMinor(100, CurrencyCode.KES),
                0, null, true));
        assertThat(lookup.activeCouponsOf("cus_a", "pln_1")).extracting(CouponLookupTable.ActiveCoupon::appliedCouponId)
                .containsExactly("apc_b");
        assertThat(lookup.activeApplicationsOf("cus_a")).containsExactly("apc_b", "apc_c");
    }

    /** Two applications at the same instant (a frozen test clock, one millisecond) keep the order they were applied in. */
    @Test
    void applicationsOfTheSameInstantDiscountInTheOrderTheyWereApplied() {
        lookup.on(created("cpn_a", "FOREVER", List.of()));
        lookup.on(created("cpn_b", "ONCE", List.of()));
        lookup.on(new CouponAppliedEvent("cpn_a", "apc_z", "FOREVER", "cus_a", TEN_PERCENT, CouponDuration.FOREVER,
                null, 1), T0);
        lookup.on(new CouponAppliedEvent("cpn_b", "apc_a", "ONCE", "cus_a", TEN_PERCENT, CouponDuration.ONCE, null, 1),
                T0);

        assertThat(lookup.activeCouponsOf("cus_a", "pln_1")).extracting(CouponLookupTable.ActiveCoupon::appliedCouponId)
                .containsExactly("apc_z", "apc_a");
    }
}
