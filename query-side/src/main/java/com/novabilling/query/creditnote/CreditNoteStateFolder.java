package com.novabilling.query.creditnote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.query.audit.AggregateStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of a credit note: its status (no event carries one), number, amounts and what remains of
 * its credit, moved by each event as {@link CreditNoteProjection} moves the read model. The generic JSON merge would
 * copy a consumption's {@code amount} (what one invoice took) over the note's own amount.
 */
@Component
public class CreditNoteStateFolder implements AggregateStateFolder {

    @Override
    public boolean supports(String aggregateType) {
        return "CreditNote".equals(aggregateType);
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        switch (eventType) {
            case "CreditNoteCreatedEvent" -> {
                payload.properties().forEach(field -> next.set(field.getKey(), field.getValue().deepCopy()));
                next.put("status", CreditNoteStatus.DRAFT.name());
                next.putNull("creditNoteNumber");
                next.putNull("issuedAt");
                next.putNull("creditAmount");
                next.putNull("remainingAmount");
                next.putNull("voidedAt");
            }
            case "CreditNoteDraftUpdatedEvent" -> {
                for (String field : new String[] {"type", "reason", "description", "items", "amount"}) {
                    next.set(field, payload.path(field).deepCopy());
                }
            }
            case "CreditNoteFinalizedEvent" -> {
                next.put("status", CreditNoteStatus.FINALIZED.name());
                for (String field : new String[] {"creditNoteNumber", "issuedAt", "amount", "creditAmount"}) {
                    next.set(field, payload.path(field).deepCopy());
                }
                next.set("remainingAmount", payload.path("creditAmount").deepCopy());
            }
            case "CreditNoteConsumedEvent" -> next.set("remainingAmount", payload.path("remaining").deepCopy());
            case "CreditNoteVoidedEvent" -> {
                next.put("status", CreditNoteStatus.VOIDED.name());
                next.set("voidedAt", payload.path("voidedAt").deepCopy());
            }
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }
}
