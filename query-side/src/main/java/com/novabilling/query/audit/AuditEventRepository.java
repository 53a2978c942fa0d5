package com.novabilling.query.audit;

import com.novabilling.api.query.PageResult;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Axon's event table of the caller's tenant directly: the primary {@link JdbcTemplate} routes to the database
 * of the tenant bound to the current thread. Only fixed SQL fragments are combined; every value is a bind parameter.
 */
@Repository
public class AuditEventRepository {

    private static final String COLUMNS = "global_index, aggregate_identifier, sequence_number, type, event_identifier,"
            + " meta_data, payload, payload_type, time_stamp";

    private static final RowMapper<AuditEvent> AUDIT_EVENT = (rs, row) -> {
        JsonNode metadata = StoredEvents.json(rs.getBytes("meta_data"));
        String aggregateType = rs.getString("type");
        String payloadType = rs.getString("payload_type");
        boolean publishedByAggregate = aggregateType != null;
        return new AuditEvent(
                rs.getString("event_identifier"),
                rs.getLong("global_index"),
                StoredEvents.simpleName(payloadType),
                payloadType,
                aggregateType,
                publishedByAggregate ? rs.getString("aggregate_identifier") : null,
                publishedByAggregate ? rs.getLong("sequence_number") : null,
                StoredEvents.timestamp(rs.getString("time_stamp")),
                new AuditEvent.Actor(StoredEvents.text(metadata, "actorType"), StoredEvents.text(metadata, "actor")),
                StoredEvents.text(metadata, "requestId"),
                StoredEvents.text(metadata, "correlationId"),
                metadata,
                StoredEvents.json(rs.getBytes("payload")));
    };

    private final NamedParameterJdbcTemplate jdbc;

    // The plain JdbcTemplate, not an injected NamedParameterJdbcTemplate: the only bean of that type is the control
    // database's, which must never serve tenant data.
    public AuditEventRepository(JdbcTemplate tenantJdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(tenantJdbc);
    }

    public PageResult<AuditEvent> find(AuditEventQuery query) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = where(query, params);
        Long total = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry" + where, params, Long.class);
        List<AuditEvent> events = List.of();
        if (total != null && total > query.offset()) {
            params.addValue("limit", query.limit()).addValue("offset", query.offset());
            events = jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry" + where
                    + " ORDER BY global_index DESC LIMIT :limit OFFSET :offset", params, AUDIT_EVENT);
        }
        return PageResult.of(events, total == null ? 0 : total, query.page(), query.limit());
    }

    /** The aggregate's events recorded up to and including {@code asOf}, from its first one, in sequence order. */
    public List<AuditEvent> eventsOfAggregate(String aggregateId, Instant asOf) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("aggregateId", aggregateId)
                .addValue("asOf", timestamptz(asOf));
        return jdbc.query("SELECT " + COLUMNS + " FROM domain_event_entry"
                + " WHERE aggregate_identifier = :aggregateId AND type IS NOT NULL"
                + " AND time_stamp::timestamptz <= :asOf"
                + " ORDER BY sequence_number", params, AUDIT_EVENT);
    }

    private static String where(AuditEventQuery query, MapSqlParameterSource params) {
        List<String> conditions = new ArrayList<>();
        if (query.aggregateId() != null) {
            conditions.add("aggregate_identifier = :aggregateId AND type IS NOT NULL");
            params.addValue("aggregateId", query.aggregateId());
        }
        if (query.type() != null) {
            // payload_type holds the FQCN; a simple name matches the part after the package or enclosing class
            conditions.add("(payload_type = :type OR right(payload_type, :suffixLength) IN (:packageSuffix, :nestedSuffix))");
            params.addValue("type", query.type())
                    .addValue("suffixLength", query.type().length() + 1)
                    .addValue("packageSuffix", "." + query.type())
                    .addValue("nestedSuffix", "$" + query.type());
        }
        if (query.from() != null) {
            conditions.add("time_stamp::timestamptz >= :from");
            params.addValue("from", timestamptz(query.from()));
        }
        if (query.to() != null) {
            conditions.add("time_stamp::timestamptz < :to");
            params.addValue("to", timestamptz(query.to()));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static SqlParameterValue timestamptz(Instant instant) {
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }
}
