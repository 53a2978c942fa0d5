package com.novabilling.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.novabilling.query.audit.JsonMergeStateFolderTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AggregateStateAsOfTest {

    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2025-03-02T10:00:00Z");
    private static final Instant DELETED = Instant.parse("2025-03-03T10:00:00Z");

    @Test
    void foldsEventsInOrderAndReportsVersionAndLastEventTime() {
        AggregateStateAsOf result = AggregateStateAsOf.fold("c1", UPDATED.plusSeconds(5), List.of(
                event(0, "CustomerCreatedEvent", CREATED, "{\"customerId\":\"c1\",\"name\":\"Ada\"}"),
                event(1, "CustomerUpdatedEvent", UPDATED, "{\"customerId\":\"c1\",\"name\":\"Ada L.\"}")),
                new JsonMergeStateFolder());

        assertThat(result.aggregateId()).isEqualTo("c1");
        assertThat(result.aggregateType()).isEqualTo("Customer");
        assertThat(result.version()).isEqualTo(1);
        assertThat(result.asOf()).isEqualTo(UPDATED.plusSeconds(5));
        assertThat(result.lastEventAt()).isEqualTo(UPDATED);
        assertThat(result.deleted()).isFalse();
        assertThat(result.state()).isEqualTo(json("{\"customerId\":\"c1\",\"name\":\"Ada L.\"}"));
    }

    @Test
    void deletedFollowsTheFoldedState() {
        AggregateStateAsOf result = AggregateStateAsOf.fold("c1", DELETED, List.of(
                event(0, "CustomerCreatedEvent", CREATED, "{\"customerId\":\"c1\"}"),
                event(1, "CustomerDeletedEvent", DELETED, "{\"customerId\":\"c1\"}")),
                new JsonMergeStateFolder());

        assertThat(result.deleted()).isTrue();
        assertThat(result.version()).isEqualTo(1);
    }

    @Test
    void aSpecificFolderBeanTakesPrecedenceOverJsonMergeForItsTypeOnly() {
        AggregateStateFolder counting = new AggregateStateFolder() {
            @Override
            public boolean supports(String aggregateType) {
                return "Invoice".equals(aggregateType);
            }

            @Override
            public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
                ObjectNode next = state.deepCopy();
                next.put("events", state.path("events").asInt() + 1);
                return next;
            }
        };
        AggregateStateFolders folders = new AggregateStateFolders(List.of(counting));

        assertThat(folders.folderFor("Invoice")).isSameAs(counting);
        assertThat(folders.folderFor("Customer")).isInstanceOf(JsonMergeStateFolder.class);
        AggregateStateAsOf invoice = AggregateStateAsOf.fold("i1", UPDATED, List.of(
                event(0, "InvoiceDraftedEvent", CREATED, "{\"invoiceId\":\"i1\"}"),
                event(1, "InvoiceLineAddedEvent", UPDATED, "{\"invoiceId\":\"i1\"}")),
                folders.folderFor("Invoice"));
        assertThat(invoice.state()).isEqualTo(json("{\"events\":2}"));
    }

    @Test
    void refusesToFoldNothing() {
        assertThatThrownBy(() -> AggregateStateAsOf.fold("c1", CREATED, List.of(), new JsonMergeStateFolder()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static AuditEvent event(long sequence, String type, Instant at, String payload) {
        JsonNode metadata = json("{\"actorType\":\"user\",\"actor\":\"u1\"}");
        String aggregateType = type.startsWith("Invoice") ? "Invoice" : "Customer";
        return new AuditEvent("e" + sequence, sequence + 1, type, "com.novabilling.api." + type, aggregateType, "c1",
                sequence, at, new AuditEvent.Actor("user", "u1"), null, null, metadata, json(payload));
    }
}
