package com.novabilling.app.axon;

import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of a tenant's processors get a dead-letter queue, and where it is stored. */
class ProjectionDeadLetterQueuesTest extends IntegrationTest {

    private static final Set<String> READ_MODELS = Set.of("customers", "plans", "billable-metrics", "charges",
            "coupons", "add-ons", "subscriptions", "invoices", "credit-notes", "wallets");

    @Autowired
    private TenantRuntimeRegistry runtimes;

    @Test
    void everyReadModelProjectionHasItsOwnJdbcQueueAndNoOtherProcessorHasOne() {
        TestTenant t = sharedTenant();
        TenantAxonRuntime runtime = runtimes.require(t.id());
        EventProcessingConfiguration processing = runtime.eventProcessingConfiguration();

        assertThat(runtime.eventProcessors()).containsKeys(READ_MODELS.toArray(String[]::new))
                .containsKeys("lookup-customer", "plan-charges-cleanup", "invoice-emails");
        runtime.eventProcessors().forEach((name, processor) -> {
            boolean readModel = READ_MODELS.contains(name);
            assertThat(processing.deadLetterQueue(name).isPresent()).as(name).isEqualTo(readModel);
            assertThat(processing.sequencedDeadLetterProcessor(name).isPresent()).as(name).isEqualTo(readModel);
            assertThat(runtime.deadLetters().hasQueue(name)).as(name).isEqualTo(readModel);
            if (readModel) {
                assertThat(processing.deadLetterQueue(name).get()).isInstanceOf(JdbcSequencedDeadLetterQueue.class);
                assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
            }
        });
    }

    @Test
    void theQueuesTableIsInEveryTenantDatabaseAndInTheTemplateTheyAreCopiedFrom() {
        TestTenant t = sharedTenant();
        assertThat(count(tenantDatabase(t.id()), "SELECT count(*) FROM dead_letter_entry")).isZero();
        assertThat(count("novabilling_tenant_template", "SELECT count(*) FROM dead_letter_entry")).isZero();
        assertThat(count("novabilling", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'dead_letter_entry'"))
                .as("the control database holds no tenant table").isZero();
    }
}
