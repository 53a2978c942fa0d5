package com.novabilling.app.support;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.query.customer.CustomerProjection;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test only: a handler in the customers projection's group that fails on a customer whose name carries a mark, as a
 * projection bug or a value the read model's database refuses would — in the handler itself, or in the database
 * through Hibernate (which leaves the transaction rollback-only, as a refused value does). A name can be "fixed",
 * after which the events of that customer apply.
 */
@Component
@ProcessingGroup(CustomerProjection.PROCESSING_GROUP)
public class FaultyCustomerProjection {

    public static final String HANDLER_FAULT = "fail in the handler ";
    public static final String DATABASE_FAULT = "fail in the database ";

    private static final Set<String> FIXED = ConcurrentHashMap.newKeySet();

    @PersistenceContext
    private EntityManager entityManager;

    /** From now on, the events of a customer named {@code name} apply. */
    public static void fix(String name) {
        FIXED.add(name);
    }

    @EventHandler
    public void on(CustomerCreatedEvent event) {
        failIfMarked(event.details().name());
    }

    @EventHandler
    public void on(CustomerUpdatedEvent event) {
        failIfMarked(event.details().name());
    }

    private void failIfMarked(String name) {
        if (name == null || FIXED.contains(name)) {
            return;
        }
        if (name.startsWith(HANDLER_FAULT)) {
            throw new IllegalStateException("injected projection fault for " + name);
        }
        if (name.startsWith(DATABASE_FAULT)) {
            entityManager.createNativeQuery("SELECT 1 / 0").getSingleResult();
        }
    }
}
