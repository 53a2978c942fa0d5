package com.novabilling.command.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tenant's {@code usage_event} table, the metering ledger (docs/billing-rules.md §11): append-only, unique on
 * {@code transaction_id}. A batch is one statement — {@code INSERT … SELECT FROM unnest(arrays) ON CONFLICT
 * (transaction_id) DO NOTHING RETURNING} — committed (auto-commit, durably) before it is answered; the events it did
 * not insert are read back in one more statement. Two requests racing with the same key: the unique key decides,
 * the loser reads the winner's row.
 */
@Component
public class UsageEventLedger {

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<Map<String, Object>> PROPERTIES = new TypeReference<>() {
    };

    private static final String INSERT = """
            INSERT INTO usage_event (id, transaction_id, subscription_id, code, "timestamp", properties, payload_hash,
                                     received_at, late)
            SELECT u.id, u.transaction_id, u.subscription_id, u.code, u.ts::timestamptz, u.properties::jsonb, u.hash,
                   u.received::timestamptz, u.late
            FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::text[],
                        ?::varchar[], ?::text[], ?::boolean[])
                 WITH ORDINALITY AS u(id, transaction_id, subscription_id, code, ts, properties, hash, received, late,
                                      ord)
            ORDER BY u.ord
            ON CONFLICT (transaction_id) DO NOTHING
            RETURNING transaction_id
            """;
    private static final String COLUMNS = """
            id, transaction_id, subscription_id, code, "timestamp", properties::text, payload_hash, received_at, late
            """;

    private final JdbcTemplate jdbcTemplate;

    public UsageEventLedger(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** An event to store; {@code propertiesJson} is the properties as JSON, {@code hash} the payload's digest. */
    public record NewUsageEvent(String id, String transactionId, String subscriptionId, String code, Instant timestamp,
                                Map<String, Object> properties, String propertiesJson, String hash, boolean late) {
    }

    /** A stored event with the digest of the payload it was stored with. */
    public record StoredUsageEvent(UsageEventView view, String hash) {
    }

    /**
     * Stores the events (their transaction ids distinct) and answers which were inserted now; the others are
     * answered by {@link #findByTransactionIds}.
     */
    public Set<String> insert(List<NewUsageEvent> events, Instant receivedAt) {
        return insert(events, Collections.nCopies(events.size(), receivedAt));
    }

    /** As {@link #insert(List, Instant)}, each event received at its own instant ({@code receivedAt} in order). */
    public Set<String> insert(List<NewUsageEvent> events, List<Instant> receivedAt) {
        if (events.isEmpty()) {
            return Set.of();
        }
        return jdbcTemplate.execute((ConnectionCallback<Set<String>>) connection -> {
            int n = events.size();
            String[] ids = new String[n];
            String[] transactionIds = new String[n];
            String[] subscriptionIds = new String[n];
            String[] codes = new String[n];
            String[] timestamps = new String[n];
            String[] properties = new String[n];
            String[] hashes = new String[n];
            String[] received = new String[n];
            Boolean[] late = new Boolean[n];
            for (int i = 0; i < n; i++) {
                NewUsageEvent event = events.get(i);
                ids[i] = event.id();
                transactionIds[i] = event.transactionId();
                subscriptionIds[i] = event.subscriptionId();
                codes[i] = event.code();
                timestamps[i] = event.timestamp().toString();
                properties[i] = event.propertiesJson();
                hashes[i] = event.hash();
                received[i] = receivedAt.get(i).toString();
                late[i] = event.late();
            }
            Set<String> inserted = new HashSet<>();
            try (PreparedStatement statement = connection.prepareStatement(INSERT)) {
                statement.setArray(1, array(connection, "varchar", ids));
                statement.setArray(2, array(connection, "varchar", transactionIds));
                statement.setArray(3, array(connection, "varchar", subscriptionIds));
                statement.setArray(4, array(connection, "varchar", codes));
                statement.setArray(5, array(connection, "text", timestamps));
                statement.setArray(6, array(connection, "text", properties));
                statement.setArray(7, array(connection, "varchar", hashes));
                statement.setArray(8, array(connection, "text", received));
                statement.setArray(9, array(connection, "bool", late));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        inserted.add(rows.getString(1));
                    }
                }
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return inserted;
        });
    }

    /** The stored events with these transaction ids, by transaction id. */
    public Map<String, StoredUsageEvent> findByTransactionIds(Collection<String> transactionIds) {
        Map<String, StoredUsageEvent> found = new HashMap<>();
        if (transactionIds.isEmpty()) {
            return found;
        }
        jdbcTemplate.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT " + COLUMNS + " FROM usage_event WHERE transaction_id = ANY (?)")) {
                statement.setArray(1, array(connection, "varchar", transactionIds.toArray(String[]::new)));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        StoredUsageEvent stored = stored(rows);
                        found.put(stored.view().transactionId(), stored);
                    }
                }
            }
            return null;
        });
        return found;
    }

    public Optional<UsageEventView> find(String id) {
        return jdbcTemplate.query("SELECT " + COLUMNS + " FROM usage_event WHERE id = ?",
                (row, i) -> stored(row).view(), id).stream().findFirst();
    }

    /** One page of the subscription's events, newest first (timestamp, then ingestion order), and the total. */
    public Page list(String subscriptionId, String code, Instant from, Instant to, int page, int limit) {
        StringBuilder where = new StringBuilder(" WHERE subscription_id = ?");
        List<Object> arguments = new ArrayList<>();
        arguments.add(subscriptionId);
        if (code != null) {
            where.append(" AND code = ?");
            arguments.add(code);
        }
        if (from != null) {
            where.append(" AND \"timestamp\" >= ?");
            arguments.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" AND \"timestamp\" < ?");
            arguments.add(Timestamp.from(to));
        }
        Long total = jdbcTemplate.queryForObject("SELECT count(*) FROM usage_event" + where, Long.class,
                arguments.toArray());
        List<Object> pageArguments = new ArrayList<>(arguments);
        pageArguments.add(limit);
        pageArguments.add((long) (page - 1) * limit);
        List<UsageEventView> data = jdbcTemplate.query("SELECT " + COLUMNS + " FROM usage_event" + where
                        + " ORDER BY \"timestamp\" DESC, seq DESC LIMIT ? OFFSET ?",
                (row, i) -> stored(row).view(), pageArguments.toArray());
        return new Page(data, total == null ? 0 : total);
    }

    public record Page(List<UsageEventView> data, long total) {
    }

    private static StoredUsageEvent stored(ResultSet row) throws SQLException {
        UsageEventView view = new UsageEventView(row.getString(1), row.getString(2), row.getString(3),
                row.getString(4), row.getTimestamp(5).toInstant(), properties(row.getString(6)), row.getBoolean(9),
                row.getTimestamp(8).toInstant());
        return new StoredUsageEvent(view, row.getString(7));
    }

    static Map<String, Object> properties(String json) {
        try {
            return JSON.readValue(json, PROPERTIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable usage_event properties", e);
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
