package com.novabilling.app.axon;

import com.novabilling.api.customer.CreateCustomerCommand;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.id.IdPrefix;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands sent inside a transaction begun around them (late usage re-rates a window under its row lock this way):
 * their unit of work joins that transaction, so its own after-commit comes before the database's. The events are
 * announced — to read-your-writes, to the request, to the processors — only once the database has committed them,
 * and never when it rolls them back. Announced earlier, the processors read nothing yet and slept until their next
 * timed run (30 s), and reads waited for positions that never came.
 */
class EventsCommittedInAnOuterTransactionTest extends IntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TenantContext.Scope tenant;

    @BeforeEach
    void bindATenantAndARequest() {
        TestTenant t = registerTenant();
        tenant = TenantContext.open(t.id());
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
    }

    @AfterEach
    void unbind() {
        RequestContextHolder.resetRequestAttributes();
        tenant.close();
    }

    @Test
    void eventsAreAnnouncedWhenTheOuterTransactionCommitsNotWhenTheirUnitOfWorkDoes() {
        String customerId = IdPrefix.CUSTOMER.newId();
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commands.sendAndWait(create(customerId));
            assertThat(RequestWrites.current()).as("announced before the database committed").isEmpty();
        });
        assertThat(RequestWrites.current()).extracting(RequestWrites.WrittenEvent::payloadType)
                .containsExactly(CustomerCreatedEvent.class);
    }

    @Test
    void eventsRolledBackWithTheOuterTransactionAreNeverAnnounced() {
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            commands.sendAndWait(create(IdPrefix.CUSTOMER.newId()));
            status.setRollbackOnly();
        });
        assertThat(RequestWrites.current()).isEmpty();

        // a command of its own (no outer transaction) is announced at its unit of work's commit, as before
        commands.sendAndWait(create(IdPrefix.CUSTOMER.newId()));
        assertThat(RequestWrites.current()).extracting(RequestWrites.WrittenEvent::payloadType)
                .containsExactly(CustomerCreatedEvent.class);
    }

    private static CreateCustomerCommand create(String customerId) {
        return new CreateCustomerCommand(customerId, new CustomerDetails(null, "Amina", customerId + "@example.com",
                "KE", "KES", null, null, null, Map.of()).normalized());
    }
}
