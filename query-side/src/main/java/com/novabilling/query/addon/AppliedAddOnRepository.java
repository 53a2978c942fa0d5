package com.novabilling.query.addon;

import com.novabilling.api.addon.AppliedAddOnStatus;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AppliedAddOnRepository extends JpaRepository<AppliedAddOnEntity, String> {

    /** Every filter is optional: null matches any value. */
    @Query("""
            select a from AppliedAddOnEntity a
            where (:customerId is null or a.customerId = :customerId)
              and (:subscriptionId is null or a.subscriptionId = :subscriptionId)
              and (:status is null or a.status = :status)
            """)
    Page<AppliedAddOnEntity> find(@Param("customerId") String customerId,
                                  @Param("subscriptionId") String subscriptionId,
                                  @Param("status") AppliedAddOnStatus status,
                                  Pageable pageable);
}
