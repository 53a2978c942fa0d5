package com.novabilling.command.usage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.metric.AggregationType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Accepts usage events (docs/billing-rules.md §11): checks each against this node's {@link UsageCatalog} (no query
 * per event), stores the valid ones in one statement ({@link UsageEventLedger}; a single event in the commit of the
 * tenant's other single events of the moment, {@link UsageEventGroupCommit}) and answers per event: created,
 * duplicate (same transaction id and payload: the original), or refused (nothing stored).
 *
 * <p>A refused event whose transaction id is already stored with the same payload is a duplicate, not a refusal:
 * a client retrying an acknowledged event is answered the original even if the subscription has since changed.
 */
@Component
public class UsageEventIngestion {

    static final int MAX_TEXT = 255;
    static final int MAX_PROPERTIES = 50;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    private final UsageCatalog catalog;
    private final UsageEventLedger ledger;
    private final UsageEventGroupCommit groupCommit;
    private final CurrentTenant tenant;
    private final Clock clock;
    private final Duration maxFuture;
    private final LateUsageListener lateUsage;

    public UsageEventIngestion(UsageCatalog catalog, UsageEventLedger ledger, UsageEventGroupCommit groupCommit,
                               CurrentTenant tenant, Clock clock,
                               @Value("${novabilling.usage.max-future:PT5M}") Duration maxFuture,
                               LateUsageListener lateUsage) {
        this.catalog = catalog;
        this.ledger = ledger;
        this.groupCommit = groupCommit;
        this.tenant = tenant;
        this.clock = clock;
        this.maxFuture = maxFuture;
        this.lateUsage = lateUsage;
    }

    /** What became of one event. */
    public sealed interface Outcome {
    }

    public record Created(UsageEventView event) implements Outcome {
    }

    public record Duplicate(UsageEventView original) implements Outcome {
    }

    /** @param status 400, 404 or 409 */
    public record Refused(int status, String field, String message) implements Outcome {
    }

    /** One event: 201 with it, 200 with the original, or the refusal as an exception (400, 404, 409). */
    public Outcome ingestOne(UsageEventRequest request) {
        Outcome outcome = ingest(List.of(request)).get(0);
        if (outcome instanceof Refused refused) {
            throw switch (refused.status()) {
                case 404 -> new NotFoundException("Subscription", request.subscriptionId());
                case 409 -> new ConflictException(refused.field(), refused.message());
                default -> new ValidationException(List.of(new FieldError(refused.field(), refused.message())));
            };
        }
        return outcome;
    }

    public UsageEventBatchResult ingestBatch(List<UsageEventRequest> requests) {
        List<Outcome> outcomes = ingest(requests);
        int accepted = 0;
        int duplicates = 0;
        List<UsageEventBatchResult.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            if (outcome instanceof Created) {
                accepted++;
            } else if (outcome instanceof Duplicate) {
                duplicates++;
            } else if (outcome instanceof Refused refused) {
                UsageEventRequest request = requests.get(i);
                rejected.add(new UsageEventBatchResult.Rejected(i, request == null ? null : request.transactionId(),
                        refused.field(), refused.message()));
            }
        }
        return new UsageEventBatchResult(accepted, duplicates, rejected);
    }

    /** One outcome per request, in order. */
    List<Outcome> ingest(List<UsageEventRequest> requests) {
        String tenantId = tenant.tenantId();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Map<String, MetricRule> metrics = catalog.metricsByCode(tenantId);
        int n = requests.size();
        Outcome[] outcomes = new Outcome[n];
        UsageEventLedger.NewUsageEvent[] candidates = new UsageEventLedger.NewUsageEvent[n];
        Map<String, Integer> firstByTransaction = new HashMap<>();
        Map<String, String> refusedHashes = new HashMap<>();
        List<UsageEventLedger.NewUsageEvent> toStore = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            UsageEventRequest request = requests.get(i);
            Object checked = check(request, tenantId, metrics, now);
            if (checked instanceof Refused refused) {
                outcomes[i] = refused;
                if (request != null && usableKey(request.transactionId())) {
                    refusedHashes.putIfAbsent(request.transactionId(), hashOf(request));
                }
                continue;
            }
            UsageEventLedger.NewUsageEvent event = (UsageEventLedger.NewUsageEvent) checked;
            candidates[i] = event;
            Integer first = firstByTransaction.putIfAbsent(event.transactionId(), i);
            if (first == null) {
                toStore.add(event);
            }
        }

        Set<String> inserted = toStore.size() == 1 ? insertWithOthers(tenantId, toStore.get(0), now)
                : ledger.insert(toStore, now);
        reportLateUsage(toStore, inserted);
        List<String> lookUp = new ArrayList<>();
        for (UsageEventLedger.NewUsageEvent event : toStore) {
            if (!inserted.contains(event.transactionId())) {
                lookUp.add(event.transactionId());
            }
        }
        refusedHashes.keySet().stream().filter(key -> !firstByTransaction.containsKey(key)).forEach(lookUp::add);
        Map<String, UsageEventLedger.StoredUsageEvent> stored = ledger.findByTransactionIds(lookUp);

        for (int i = 0; i < n; i++) {
            UsageEventLedger.NewUsageEvent event = candidates[i];
            if (event == null) {
                UsageEventRequest request = requests.get(i);
                String key = request == null ? null : request.transactionId();
                UsageEventLedger.StoredUsageEvent original = key == null ? null : stored.get(key);
                if (original != null) {
                    outcomes[i] = original.hash().equals(refusedHashes.get(key))
                            ? new Duplicate(original.view()) : reused(key);
                }
                continue;
            }
            int first = firstByTransaction.get(event.transactionId());
            if (first == i && inserted.contains(event.transactionId())) {
                outcomes[i] = new Created(viewOf(event, now));
            } else if (first != i && inserted.contains(event.transactionId())) {
                outcomes[i] = candidates[first].hash().equals(event.hash())
                        ? new Duplicate(viewOf(candidates[first], now)) : reused(event.transactionId());
            } else {
                UsageEventLedger.StoredUsageEvent original = stored.get(event.transactionId());
                if (original == null) {
                    throw new IllegalStateException("usage event " + event.transactionId() + " neither stored nor found");
                }
                outcomes[i] = original.hash().equals(event.hash()) ? new Duplicate(original.view())
                        : reused(event.transactionId());
            }
        }
        return List.of(outcomes);
    }

    /** One event: committed with whatever the tenant's other requests are storing at the same time. */
    private Set<String> insertWithOthers(String tenantId, UsageEventLedger.NewUsageEvent event, Instant now) {
        return groupCommit.insert(tenantId, event, now) ? Set.of(event.transactionId()) : Set.of();
    }

    /** Per subscription, the span of the late events this request stored (not duplicates: they were reported). */
    private void reportLateUsage(List<UsageEventLedger.NewUsageEvent> stored, Set<String> inserted) {
        Map<String, Instant[]> spans = null;
        for (UsageEventLedger.NewUsageEvent event : stored) {
            if (!event.late() || !inserted.contains(event.transactionId())) {
                continue;
            }
            spans = spans == null ? new TreeMap<>() : spans;
            spans.merge(event.subscriptionId(), new Instant[]{event.timestamp(), event.timestamp()},
                    (span, one) -> new Instant[]{min(span[0], one[0]), max(span[1], one[1])});
        }
        if (spans != null) {
            spans.forEach((subscriptionId, span) -> lateUsage.lateUsageStored(subscriptionId, span[0], span[1]));
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Refused reused(String transactionId) {
        return new Refused(409, "transactionId", "'" + transactionId + "' is already recorded with another payload");
    }

    private static UsageEventView viewOf(UsageEventLedger.NewUsageEvent event, Instant receivedAt) {
        return new UsageEventView(event.id(), event.transactionId(), event.subscriptionId(), event.code(),
                event.timestamp(), event.properties(), event.late(), receivedAt);
    }

    /** The event to store, or why it is refused. */
    private Object check(UsageEventRequest request, String tenantId, Map<String, MetricRule> metrics, Instant now) {
        if (request == null) {
            return new Refused(400, "event", "must be an object");
        }
        if (!usableKey(request.transactionId())) {
            return new Refused(400, "transactionId", "is required: 1 to " + MAX_TEXT + " characters");
        }
        if (request.subscriptionId() == null || request.subscriptionId().isBlank()) {
            return new Refused(400, "subscriptionId", "is required");
        }
        if (request.code() == null || request.code().isBlank()) {
            return new Refused(400, "code", "is required");
        }
        Map<String, Object> properties = request.properties() == null ? Map.of() : request.properties();
        if (properties.size() > MAX_PROPERTIES) {
            return new Refused(400, "properties", "must have at most " + MAX_PROPERTIES + " entries");
        }
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (property.getKey().isEmpty() || property.getKey().length() > MAX_TEXT) {
                return new Refused(400, "properties", "keys must be 1 to " + MAX_TEXT + " characters");
            }
            Object value = property.getValue();
            if (!(value == null || value instanceof String || value instanceof Number)) {
                return new Refused(400, "properties." + property.getKey(), "must be a text or a number");
            }
        }
        SubscriptionWindow window = catalog.window(tenantId, request.subscriptionId()).orElse(null);
        if (window == null) {
            return new Refused(404, "subscriptionId", "Subscription " + request.subscriptionId() + " not found");
        }
        MetricRule metric = metrics.get(request.code());
        if (metric == null) {
            return new Refused(400, "code", "no billable metric has the code '" + request.code() + "'");
        }
        String field = metric.fieldName();
        if (field != null && properties.get(field) != null && !isNumber(properties.get(field))) {
            return new Refused(400, "properties." + field, "must be a number: it is the field of the metric '"
                    + metric.code() + "'");
        }
        if (metric.definition().aggregationType() == AggregationType.UNIQUE_COUNT
                && properties.get("operation_type") != null
                && !List.of("add", "remove").contains(properties.get("operation_type"))) {
            return new Refused(400, "properties.operation_type", "must be add or remove");
        }
        Instant timestamp = request.timestamp() == null ? now : request.timestamp().truncatedTo(ChronoUnit.MICROS);
        if (timestamp.isAfter(now.plus(maxFuture))) {
            return new Refused(400, "timestamp", "must not be more than " + maxFuture.toMinutes()
                    + " minutes in the future");
        }
        String refusal = window.refusal(timestamp).orElse(null);
        if (refusal != null) {
            return new Refused(400, "timestamp", refusal);
        }
        Map<String, Object> kept = present(properties);
        String propertiesJson = json(kept);
        return new UsageEventLedger.NewUsageEvent(UsageEventIds.newId(), request.transactionId(),
                request.subscriptionId(), request.code(), timestamp, kept, propertiesJson,
                hashOf(request, propertiesJson), window.late(timestamp));
    }

    private static boolean usableKey(String transactionId) {
        return transactionId != null && !transactionId.isBlank() && transactionId.length() <= MAX_TEXT;
    }

    private static boolean isNumber(Object value) {
        if (value instanceof Double d) {
            return Double.isFinite(d);
        }
        if (value instanceof Float f) {
            return Float.isFinite(f);
        }
        if (value instanceof Number) {
            return true;
        }
        if (value instanceof String text) {
            try {
                new BigDecimal(text.trim());
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * Digest of the payload as sent: subscription, code, timestamp (absent stays absent, so a retry of an event
     * stamped on receipt is still the same payload) and the properties as canonical JSON (keys in order, nulls
     * dropped — the text that is stored).
     */
    static String hashOf(UsageEventRequest request) {
        return hashOf(request, json(present(request.properties())));
    }

    private static String hashOf(UsageEventRequest request, String propertiesJson) {
        String timestamp = request.timestamp() == null ? ""
                : request.timestamp().truncatedTo(ChronoUnit.MICROS).toString();
        String payload = request.subscriptionId() + '\u0000' + request.code() + '\u0000' + timestamp + '\u0000'
                + propertiesJson;
        MessageDigest digest = SHA_256.get();
        digest.reset();
        return HexFormat.of().formatHex(digest.digest(payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** The properties without null values, keys in order. */
    private static Map<String, Object> present(Map<String, Object> properties) {
        Map<String, Object> kept = new TreeMap<>();
        if (properties != null) {
            properties.forEach((key, value) -> {
                if (value != null) {
                    kept.put(key, value);
                }
            });
        }
        return kept;
    }

    private static String json(Map<String, Object> properties) {
        try {
            return CANONICAL.writeValueAsString(properties);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
