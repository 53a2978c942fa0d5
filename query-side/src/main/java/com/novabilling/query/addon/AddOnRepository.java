package com.novabilling.query.addon;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AddOnRepository extends JpaRepository<AddOnEntity, String> {

    /**
     * {@code pattern} null means no search, else a lower-case LIKE pattern whose literal {@code %}, {@code _} and
     * {@code !} are escaped with {@code !}.
     */
    @Query("""
            select a from AddOnEntity a
            where :pattern is null or lower(a.name) like :pattern escape '!' or lower(a.code) like :pattern escape '!'
            """)
    Page<AddOnEntity> find(@Param("pattern") String pattern, Pageable pageable);
}
