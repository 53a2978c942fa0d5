package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditWiringTest {

    static class InvoiceFolder implements AggregateStateFolder {
        @Override
        public boolean supports(String aggregateType) {
            return "Invoice".equals(aggregateType);
        }

        @Override
        public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
            return state;
        }
    }

    @Test
    void auditBeansWireFromTheTenantJdbcTemplateAndFolderBeansTakePrecedence() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(JdbcTemplate.class, () -> new JdbcTemplate(new org.springframework.jdbc.datasource.SimpleDriverDataSource()));
            context.registerBean(InvoiceFolder.class);
            context.registerBean(java.time.Clock.class, java.time.Clock::systemUTC); // the application's clock
            context.scan(AuditController.class.getPackageName());
            context.refresh();

            assertThat(context.getBean(AuditController.class)).isNotNull();
            AggregateStateFolders folders = context.getBean(AggregateStateFolders.class);
            assertThat(folders.folderFor("Invoice")).isInstanceOf(InvoiceFolder.class);
            assertThat(folders.folderFor("Customer")).isInstanceOf(JsonMergeStateFolder.class);
        }
    }
}
