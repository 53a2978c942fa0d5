package com.novabilling.query.metric;

import com.novabilling.api.metric.AggregationType;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface BillableMetricRepository extends JpaRepository<BillableMetricEntity, String> {

    /**
     * {@code type} null means any type; {@code pattern} null means no search, else a lower-case LIKE pattern whose
     * literal {@code %}, {@code _} and {@code !} are escaped with {@code !}.
     */
    @Query("""
            select m from BillableMetricEntity m
            where (:type is null or m.aggregationType = :type)
              and (:pattern is null or lower(m.name) like :pattern escape '!' or lower(m.code) like :pattern escape '!')
            """)
    Page<BillableMetricEntity> find(@Param("type") AggregationType type, @Param("pattern") String pattern,
                                    Pageable pageable);
}
