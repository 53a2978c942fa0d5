package com.novabilling.query.charge;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChargeRepository extends JpaRepository<ChargeEntity, String> {

    /** {@code planId} and {@code billableMetricId} null mean any. */
    @Query("""
            select c from ChargeEntity c
            where (:planId is null or c.planId = :planId)
              and (:billableMetricId is null or c.billableMetricId = :billableMetricId)
            """)
    Page<ChargeEntity> find(@Param("planId") String planId, @Param("billableMetricId") String billableMetricId,
                            Pageable pageable);
}
