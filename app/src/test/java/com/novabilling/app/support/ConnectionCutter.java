package com.novabilling.app.support;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Test only: a same-transaction handler (like the uniqueness lookups) that, for a customer with the marked name,
 * has PostgreSQL terminate the very connection the command is writing on — after the event and the lookup rows were
 * inserted, before the commit — as a server restart or a network cut would.
 */
@Component
@SameTransaction
@ProcessingGroup("test-connection-cutter")
public class ConnectionCutter {

    public static final String CUT_MARK = "cut my connection ";

    private final JdbcTemplate jdbc;

    public ConnectionCutter(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(CustomerCreatedEvent event) {
        if (event.details().name() != null && event.details().name().startsWith(CUT_MARK)) {
            jdbc.execute("SELECT pg_terminate_backend(pg_backend_pid())");
        }
    }
}
