package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponRemovedEvent;
import com.novabilling.api.coupon.AppliedCouponStatus;
import com.novabilling.api.coupon.AppliedCouponView;
import com.novabilling.api.coupon.CouponAppliedEvent;
import com.novabilling.api.coupon.CouponCreatedEvent;
import com.novabilling.api.coupon.CouponDeletedEvent;
import com.novabilling.api.coupon.CouponDetails;
import com.novabilling.api.coupon.CouponDiscount;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.CouponUsageRecordedEvent;
import com.novabilling.api.coupon.CouponUpdatedEvent;
import com.novabilling.api.coupon.CouponView;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.FindAppliedCouponQuery;
import com.novabilling.api.coupon.FindCouponQuery;
import com.novabilling.api.coupon.ListAppliedCouponsQuery;
import com.novabilling.api.coupon.ListCouponsQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Projection and query handler on the real read-model schema in PostgreSQL. */
class CouponReadModelDatabaseTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final CouponDiscount THIRD = CouponDiscount.percentageOf(new BigDecimal("33.3333"));
    private static final CouponDiscount FIVE_USD = CouponDiscount.fixed(Money.ofMinor(500, CurrencyCode.USD));

    private CouponProjection projection;

    @BeforeEach
    void setUp() {
        CouponRepository coupons = repositories.getRepository(CouponRepository.class);
        AppliedCouponRepository appliedCoupons = repositories.getRepository(AppliedCouponRepository.class);
        projection = new CouponProjection(coupons, appliedCoupons);
        inTransaction(projection::reset);
    }

    private static CouponCreatedEvent created(String id, String name, String code, CouponDiscount discount,
                                              boolean active) {
        return new CouponCreatedEvent(id, new CouponDetails(name, code, null, discount, CouponDuration.ONCE, null, null,
                null, List.of(), active, Map.of()));
    }

    private static CouponAppliedEvent applied(String couponId, String appliedId, String customerId, int count) {
        return new CouponAppliedEvent(couponId, appliedId, "CODE", customerId, FIVE_USD, CouponDuration.REPEATING, 3,
                count);
    }

    @Test
    void storesAndReadsBackEveryField() {
        Instant expiry = T0.plusSeconds(86_400);
        inTransaction(() -> projection.on(new CouponCreatedEvent("cpn_1", new CouponDetails("Five off", "FIVE",
                "first month", FIVE_USD, CouponDuration.REPEATING, 3, 10, expiry, List.of("pln_1", "pln_2"), true,
                Map.of("campaign", "spring"))), T0));
        Instant later = T0.plusSeconds(60);
        inTransaction(() -> projection.on(new CouponUpdatedEvent("cpn_1", new CouponDetails("Five off!", "FIVE",
                "first month", FIVE_USD, CouponDuration.REPEATING, 3, 10, expiry, List.of("pln_2"), false,
                Map.of())), later));

        assertThat(projection.handle(new FindCouponQuery("cpn_1"))).isEqualTo(new CouponView("cpn_1", "Five off!",
                "FIVE", "first month", DiscountType.FIXED_AMOUNT, new BigDecimal("5.00"), "USD",
                CouponDuration.REPEATING, 3, 10, 0, expiry, List.of("pln_2"), false, Map.of(), T0, later));
    }

    @Test
    void keepsPercentagesExactToFourDecimals() {
        inTransaction(() -> projection.on(created("cpn_1", "Third", "THIRD", THIRD, true), T0));

        CouponView coupon = projection.handle(new FindCouponQuery("cpn_1"));
        assertThat(coupon.discountValue()).isEqualTo(new BigDecimal("33.3333"));
        assertThat(coupon.currency()).isNull();
    }

    @Test
    void applicationsCountRedemptionsAndRedeliveryChangesNothing() {
        inTransaction(() -> projection.on(created("cpn_1", "Five", "FIVE", FIVE_USD, true), T0));
        Instant appliedAt = T0.plusSeconds(10);
        Instant removedAt = T0.plusSeconds(20);
        for (int delivery = 0; delivery < 2; delivery++) {
            inTransaction(() -> projection.on(applied("cpn_1", "apc_1", "cus_1", 1), appliedAt));
            inTransaction(() -> projection.on(new AppliedCouponRemovedEvent("cpn_1", "apc_1", "cus_1"), removedAt));
        }

        assertThat(projection.handle(new FindCouponQuery("cpn_1")).timesRedeemed()).isEqualTo(1);
        assertThat(projection.handle(new FindAppliedCouponQuery("apc_1"))).isEqualTo(new AppliedCouponView(
                "apc_1", "cpn_1", "CODE", "cus_1", DiscountType.FIXED_AMOUNT, new BigDecimal("5.00"), "USD",
                CouponDuration.REPEATING, 3, AppliedCouponStatus.REMOVED, appliedAt, removedAt, 3, null, null));
    }

    @Test
    void usageByInvoicesCountsDownAndExhaustsAndRedeliveryChangesNothing() {
        inTransaction(() -> projection.on(created("cpn_1", "Five", "FIVE", FIVE_USD, true), T0));
        inTransaction(() -> projection.on(applied("cpn_1", "apc_1", "cus_1", 1), T0));
        for (int delivery = 0; delivery < 2; delivery++) {
            inTransaction(() -> projection.on(new CouponUsageRecordedEvent("cpn_1", "apc_1", "cus_1", "inv_1",
                    Money.ofMinor(500, CurrencyCode.USD), 2, null, false)));
        }
        AppliedCouponView once = projection.handle(new FindAppliedCouponQuery("apc_1"));
        assertThat(once.status()).isEqualTo(AppliedCouponStatus.ACTIVE);
        assertThat(once.periodsRemaining()).isEqualTo(2);
        assertThat(once.lastInvoiceId()).isEqualTo("inv_1");

        inTransaction(() -> projection.on(new CouponUsageRecordedEvent("cpn_1", "apc_1", "cus_1", "inv_2",
                Money.ofMinor(300, CurrencyCode.USD), null, Money.ofMinor(200, CurrencyCode.USD), true)));
        AppliedCouponView exhausted = projection.handle(new FindAppliedCouponQuery("apc_1"));
        assertThat(exhausted.status()).isEqualTo(AppliedCouponStatus.EXHAUSTED);
        assertThat(exhausted.amountRemaining()).isEqualByComparingTo("2.00");
        assertThat(exhausted.lastInvoiceId()).isEqualTo("inv_2");
        assertThat(exhausted.removedAt()).isNull();
    }

    @Test
    void listsCouponsNewestFirstFilteredByStateAndSearch() {
        inTransaction(() -> projection.on(created("cpn_1", "Spring sale", "SPRING", THIRD, true), T0));
        inTransaction(() -> projection.on(created("cpn_2", "Summer", "SUMMER_50%", THIRD, false), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(created("cpn_3", "Autumn", "AUTUMN", THIRD, true), T0.plusSeconds(2)));

        assertThat(ids(projection.handle(new ListCouponsQuery(1, 20, null, null)).data()))
                .containsExactly("cpn_3", "cpn_2", "cpn_1");
        assertThat(ids(projection.handle(new ListCouponsQuery(1, 20, true, null)).data()))
                .containsExactly("cpn_3", "cpn_1");
        assertThat(ids(projection.handle(new ListCouponsQuery(1, 20, null, "50%")).data())).containsExactly("cpn_2");
        assertThat(ids(projection.handle(new ListCouponsQuery(1, 20, false, "spring")).data())).isEmpty();
    }

    @Test
    void listsApplicationsOldestFirstByCustomerAndStatusAndKeepsThemAfterTheCouponIsDeleted() {
        inTransaction(() -> projection.on(created("cpn_1", "Five", "FIVE", FIVE_USD, true), T0));
        inTransaction(() -> projection.on(applied("cpn_1", "apc_2", "cus_1", 1), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(applied("cpn_1", "apc_1", "cus_2", 2), T0.plusSeconds(2)));
        inTransaction(() -> projection.on(applied("cpn_1", "apc_3", "cus_1", 3), T0.plusSeconds(3)));
        inTransaction(() -> projection.on(new AppliedCouponRemovedEvent("cpn_1", "apc_2", "cus_1"), T0.plusSeconds(4)));

        assertThat(applicationIds(new ListAppliedCouponsQuery(1, 20, null, null))).containsExactly("apc_2", "apc_1", "apc_3");
        assertThat(applicationIds(new ListAppliedCouponsQuery(1, 20, "cus_1", null))).containsExactly("apc_2", "apc_3");
        assertThat(applicationIds(new ListAppliedCouponsQuery(1, 20, "cus_1", AppliedCouponStatus.ACTIVE))).containsExactly("apc_3");
        assertThat(applicationIds(new ListAppliedCouponsQuery(2, 2, null, null))).containsExactly("apc_3");

        inTransaction(() -> projection.on(new CouponDeletedEvent("cpn_1", "FIVE")));
        assertThatThrownBy(() -> projection.handle(new FindCouponQuery("cpn_1")))
                .isInstanceOf(NotFoundException.class).hasMessage("Coupon with id 'cpn_1' not found");
        assertThat(applicationIds(new ListAppliedCouponsQuery(1, 20, null, null))).hasSize(3);
    }

    private List<String> applicationIds(ListAppliedCouponsQuery query) {
        return projection.handle(query).data().stream().map(AppliedCouponView::id).toList();
    }

    private static List<String> ids(List<CouponView> coupons) {
        return coupons.stream().map(CouponView::id).toList();
    }
}
