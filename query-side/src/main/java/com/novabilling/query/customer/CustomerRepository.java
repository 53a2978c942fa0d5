package com.novabilling.query.customer;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CustomerRepository extends JpaRepository<CustomerEntity, String> {

    /** {@code pattern} is a lower-case LIKE pattern whose literal {@code %}, {@code _} and {@code !} are escaped with {@code !}. */
    @Query("""
            select c from CustomerEntity c
            where lower(c.name) like :pattern escape '!'
               or lower(c.email) like :pattern escape '!'
               or lower(c.externalId) like :pattern escape '!'
            """)
    Page<CustomerEntity> search(@Param("pattern") String pattern, Pageable pageable);
}
