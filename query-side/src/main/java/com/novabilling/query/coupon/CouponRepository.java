package com.novabilling.query.coupon;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CouponRepository extends JpaRepository<CouponEntity, String> {

    /**
     * {@code active} null means any state; {@code pattern} null means no search, else a lower-case LIKE pattern whose
     * literal {@code %}, {@code _} and {@code !} are escaped with {@code !}.
     */
    @Query("""
            select c from CouponEntity c
            where (:active is null or c.active = :active)
              and (:pattern is null or lower(c.name) like :pattern escape '!' or lower(c.code) like :pattern escape '!')
            """)
    Page<CouponEntity> find(@Param("active") Boolean active, @Param("pattern") String pattern, Pageable pageable);
}
