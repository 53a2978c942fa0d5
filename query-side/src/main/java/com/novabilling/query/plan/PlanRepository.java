package com.novabilling.query.plan;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PlanRepository extends JpaRepository<PlanEntity, String> {

    /**
     * {@code active} null means any state; {@code pattern} null means no search, else a lower-case LIKE pattern whose
     * literal {@code %}, {@code _} and {@code !} are escaped with {@code !}.
     */
    @Query("""
            select p from PlanEntity p
            where (:active is null or p.active = :active)
              and (:pattern is null or lower(p.name) like :pattern escape '!' or lower(p.code) like :pattern escape '!')
            """)
    Page<PlanEntity> find(@Param("active") Boolean active, @Param("pattern") String pattern, Pageable pageable);
}
