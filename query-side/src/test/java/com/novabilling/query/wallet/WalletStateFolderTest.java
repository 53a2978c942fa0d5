package com.novabilling.query.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit state of a wallet shows its balance as each event left it (issue 13 item 7). */
class WalletStateFolderTest {

    private final ObjectMapper json = new ObjectMapper();
    private final WalletStateFolder folder = new WalletStateFolder();

    @Test
    void eachEventMovesTheStatusAndBalances() throws Exception {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state = folder.evolve(state, "WalletCreatedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","name":"Main","currency":"USD","rateAmount":1.5,
                 "priority":50,"expirationAt":null,"invoiceRequiresSuccessfulPayment":true,"metadata":{},
                 "createdAt":"2026-03-01T00:00:00Z"}"""));
        assertThat(state.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(state.at("/balance/minor").asLong()).isZero();
        assertThat(state.at("/balance/currency").asText()).isEqualTo("USD");

        state = folder.evolve(state, "WalletTransactionCreatedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","transactionId":"wtx_p","type":"PURCHASED",
                 "status":"PENDING","credits":20,"amount":{"minor":3000,"currency":"USD"},"invoiceId":"inv_p",
                 "draws":[],"createdAt":"2026-03-01T00:00:00Z","balance":{"minor":0,"currency":"USD"}}"""));
        state = folder.evolve(state, "WalletTransactionCreatedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","transactionId":"wtx_g","type":"GRANTED",
                 "status":"SETTLED","credits":10,"amount":{"minor":1500,"currency":"USD"},"invoiceId":null,
                 "draws":[],"createdAt":"2026-03-01T00:00:00Z","balance":{"minor":1500,"currency":"USD"}}"""));
        assertThat(state.at("/balance/minor").asLong()).isEqualTo(1500);
        assertThat(state.at("/pendingBalance/minor").asLong()).isEqualTo(3000);
        assertThat(state.has("type")).as("a transaction's fields are not the wallet's").isFalse();
        assertThat(state.has("amount")).isFalse();
        assertThat(state.at("/transactions/wtx_p/status").asText()).isEqualTo("PENDING");

        state = folder.evolve(state, "WalletTransactionCreatedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","transactionId":"wtx_i","type":"INVOICED",
                 "status":"SETTLED","credits":8,"amount":{"minor":1200,"currency":"USD"},"invoiceId":"inv_1",
                 "draws":[{"inboundTransactionId":"wtx_g","inboundType":"GRANTED",
                           "inboundCreatedAt":"2026-03-01T00:00:00Z","inboundAmount":{"minor":1500,"currency":"USD"},
                           "amount":{"minor":1200,"currency":"USD"},"credits":8}],
                 "createdAt":"2026-03-02T00:00:00Z","balance":{"minor":300,"currency":"USD"}}"""));
        assertThat(state.at("/balance/minor").asLong()).isEqualTo(300);
        assertThat(state.at("/consumedAmount/minor").asLong()).isEqualTo(1200);
        assertThat(state.at("/transactions/wtx_i/draws/0/inboundTransactionId").asText()).isEqualTo("wtx_g");

        ObjectNode settled = folder.evolve(state, "WalletTransactionSettledEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","transactionId":"wtx_p",
                 "amount":{"minor":3000,"currency":"USD"},"settledAt":"2026-03-03T00:00:00Z",
                 "balance":{"minor":3300,"currency":"USD"}}"""));
        assertThat(settled.at("/balance/minor").asLong()).isEqualTo(3300);
        assertThat(settled.at("/pendingBalance/minor").asLong()).isZero();
        assertThat(settled.at("/transactions/wtx_p/status").asText()).isEqualTo("SETTLED");

        ObjectNode failed = folder.evolve(state, "WalletTransactionFailedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","transactionId":"wtx_p","invoiceId":"inv_p",
                 "amount":{"minor":3000,"currency":"USD"},"failedAt":"2026-03-03T00:00:00Z"}"""));
        assertThat(failed.at("/balance/minor").asLong()).isEqualTo(300);
        assertThat(failed.at("/pendingBalance/minor").asLong()).isZero();
        assertThat(failed.at("/transactions/wtx_p/status").asText()).isEqualTo("FAILED");

        ObjectNode updated = folder.evolve(state, "WalletUpdatedEvent", read("""
                {"walletId":"wal_1","name":"Renamed","expirationAt":null,"priority":2}"""));
        assertThat(updated.get("name").asText()).isEqualTo("Renamed");
        assertThat(updated.get("priority").asInt()).isEqualTo(2);

        ObjectNode ended = folder.evolve(failed, "WalletTerminatedEvent", read("""
                {"walletId":"wal_1","customerId":"cus_1","terminatedAt":"2026-03-04T00:00:00Z","expired":true}"""));
        assertThat(ended.get("status").asText()).isEqualTo("TERMINATED");
        assertThat(ended.get("terminatedAt").asText()).isEqualTo("2026-03-04T00:00:00Z");
        assertThat(ended.get("expired").asBoolean()).isTrue();
        assertThat(folder.supports("Wallet")).isTrue();
        assertThat(folder.supports("Invoice")).isFalse();
    }

    private JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }
}
