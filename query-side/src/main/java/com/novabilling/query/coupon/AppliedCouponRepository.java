package com.novabilling.query.coupon;

import com.novabilling.api.coupon.AppliedCouponStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppliedCouponRepository extends JpaRepository<AppliedCouponEntity, String> {

    /** Null {@code customerId} or {@code status} means no filter on it. */
    @Query("""
            select a from AppliedCouponEntity a
            where (:customerId is null or a.customerId = :customerId)
              and (:status is null or a.status = :status)
            """)
    Page<AppliedCouponEntity> find(@Param("customerId") String customerId,
                                   @Param("status") AppliedCouponStatus status,
                                   Pageable pageable);
}
