package com.novabilling.query.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.query.audit.AggregateStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of an invoice. The generic JSON merge would show no status at all (no event carries one),
 * copy a payment's {@code amount} beside the totals and leave {@code totals.amountDue} as it was at creation; here
 * each event moves the fields the API shows, as the read model does (amounts stay as stored: minor units).
 */
@Component
public class InvoiceStateFolder implements AggregateStateFolder {

    @Override
    public boolean supports(String aggregateType) {
        return "Invoice".equals(aggregateType);
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        switch (eventType) {
            case "InvoiceCreatedEvent" -> {
                payload.properties().forEach(field -> next.set(field.getKey(), field.getValue().deepCopy()));
                next.put("status", InvoiceStatus.DRAFT.name());
                next.putNull("invoiceNumber");
                next.putNull("issuedAt");
                next.putNull("paidAt");
                next.putNull("voidedAt");
            }
            case "InvoiceDraftRevisedEvent" -> {
                copy(payload, next, "lines");
                copy(payload, next, "totals");
            }
            case "InvoiceWalletCreditsAppliedEvent" -> {
                ArrayNode lines = next.path("lines") instanceof ArrayNode list ? list : next.putArray("lines");
                payload.path("walletLines").forEach(line -> lines.add(line.deepCopy()));
                copy(payload, next, "totals");
            }
            case "InvoiceFinalizedEvent" -> {
                next.put("status", InvoiceStatus.FINALIZED.name());
                copy(payload, next, "invoiceNumber");
                copy(payload, next, "issuedAt");
                copy(payload, next, "dueDate");
                copy(payload, next, "totals");
                next.putNull("finalizeAt");
            }
            case "InvoicePaymentRecordedEvent" -> {
                ObjectNode totals = next.path("totals") instanceof ObjectNode object ? object : next.putObject("totals");
                copy(payload, totals, "amountPaid");
                copy(payload, totals, "amountDue");
            }
            case "InvoiceCreditNoteAppliedEvent" -> {
                ObjectNode totals = next.path("totals") instanceof ObjectNode object ? object : next.putObject("totals");
                copy(payload, totals, "creditNotesAmount");
                copy(payload, totals, "amountDue");
            }
            case "InvoicePaidEvent" -> {
                next.put("status", InvoiceStatus.PAID.name());
                copy(payload, next, "paidAt");
            }
            case "InvoiceVoidedEvent" -> {
                next.put("status", InvoiceStatus.VOIDED.name());
                copy(payload, next, "voidedAt");
                next.putNull("finalizeAt");
            }
            case "InvoiceEmailAttemptedEvent" -> {
                ArrayNode attempts = next.path("emailAttempts") instanceof ArrayNode list ? list
                        : next.putArray("emailAttempts");
                ObjectNode attempt = attempts.addObject();
                payload.properties().stream().filter(field -> !field.getKey().equals("invoiceId"))
                        .forEach(field -> attempt.set(field.getKey(), field.getValue().deepCopy()));
            }
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        to.set(field, value == null ? null : value.deepCopy());
    }
}
