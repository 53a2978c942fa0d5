package com.novabilling.query.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.wallet.WalletStatus;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.query.audit.AggregateStateFolder;
import org.springframework.stereotype.Component;

/**
 * The audit "as of" state of a wallet. The generic JSON merge would copy each transaction's fields (type, credits,
 * amount) onto the wallet and show no status; here the wallet keeps its own fields, {@code status},
 * {@code balance} (the settled balance each transaction event reports), {@code pendingBalance},
 * {@code consumedAmount} and its {@code transactions} keyed by id with their type, status and amount — as the read
 * model does (amounts stay as stored: minor units).
 */
@Component
public class WalletStateFolder implements AggregateStateFolder {

    static final String BALANCE = "balance";
    static final String PENDING = "pendingBalance";
    static final String CONSUMED = "consumedAmount";
    static final String TRANSACTIONS = "transactions";

    @Override
    public boolean supports(String aggregateType) {
        return "Wallet".equals(aggregateType);
    }

    @Override
    public ObjectNode evolve(ObjectNode state, String eventType, JsonNode payload) {
        ObjectNode next = state.deepCopy();
        switch (eventType) {
            case "WalletCreatedEvent" -> {
                payload.properties().forEach(field -> next.set(field.getKey(), field.getValue().deepCopy()));
                String currency = payload.path("currency").asText();
                next.put("status", WalletStatus.ACTIVE.name());
                next.putNull("terminatedAt");
                money(next, BALANCE, 0, currency);
                money(next, PENDING, 0, currency);
                money(next, CONSUMED, 0, currency);
                next.putObject(TRANSACTIONS);
            }
            case "WalletTransactionCreatedEvent" -> {
                String type = payload.path("type").asText();
                String status = payload.path("status").asText();
                JsonNode amount = payload.path("amount");
                ObjectNode transaction = next.withObjectProperty(TRANSACTIONS)
                        .putObject(payload.path("transactionId").asText());
                transaction.put("type", type);
                transaction.put("status", status);
                transaction.set("credits", payload.path("credits").deepCopy());
                transaction.set("amount", amount.deepCopy());
                transaction.set("createdAt", payload.path("createdAt").deepCopy());
                if (payload.hasNonNull("invoiceId")) {
                    transaction.set("invoiceId", payload.get("invoiceId").deepCopy());
                }
                if (payload.path("draws").size() > 0) {
                    transaction.set("draws", payload.get("draws").deepCopy());
                }
                if (payload.hasNonNull(BALANCE)) {
                    next.set(BALANCE, payload.get(BALANCE).deepCopy());
                }
                if (WalletTransactionType.PURCHASED.name().equals(type)
                        && WalletTransactionStatus.PENDING.name().equals(status)) {
                    add(next, PENDING, amount.path("minor").asLong());
                }
                if (WalletTransactionType.INVOICED.name().equals(type)) {
                    add(next, CONSUMED, amount.path("minor").asLong());
                }
            }
            case "WalletTransactionSettledEvent" -> {
                transaction(next, payload).put("status", WalletTransactionStatus.SETTLED.name());
                add(next, PENDING, -payload.path("amount").path("minor").asLong());
                if (payload.hasNonNull(BALANCE)) {
                    next.set(BALANCE, payload.get(BALANCE).deepCopy());
                }
            }
            case "WalletTransactionFailedEvent" -> {
                transaction(next, payload).put("status", WalletTransactionStatus.FAILED.name());
                add(next, PENDING, -payload.path("amount").path("minor").asLong());
            }
            case "WalletUpdatedEvent" -> {
                next.set("name", payload.path("name").deepCopy());
                next.set("expirationAt", payload.path("expirationAt").deepCopy());
                next.set("priority", payload.path("priority").deepCopy());
            }
            case "WalletTerminatedEvent" -> {
                next.put("status", WalletStatus.TERMINATED.name());
                next.set("terminatedAt", payload.path("terminatedAt").deepCopy());
                next.set("expired", payload.path("expired").deepCopy());
            }
            default -> {
                // an event type this folder does not know leaves the state as it was
            }
        }
        return next;
    }

    private static ObjectNode transaction(ObjectNode state, JsonNode payload) {
        return state.withObjectProperty(TRANSACTIONS).withObjectProperty(payload.path("transactionId").asText());
    }

    private static void money(ObjectNode state, String field, long minor, String currency) {
        state.putObject(field).put("minor", minor).put("currency", currency);
    }

    /** Adds {@code minor} to the money {@code field}, keeping its currency. */
    private static void add(ObjectNode state, String field, long minor) {
        ObjectNode money = state.withObjectProperty(field);
        money.put("minor", money.path("minor").asLong() + minor);
    }
}
