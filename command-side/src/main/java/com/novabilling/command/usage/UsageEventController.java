package com.novabilling.command.usage;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Usage metering (docs/billing-rules.md §11): events go straight to the tenant's ledger table, not through Axon,
 * and are answered once committed.
 */
@RestController
@RequestMapping("/events")
@Tag(name = ApiTags.USAGE_EVENTS)
public class UsageEventController {

    private final UsageEventIngestion ingestion;
    private final UsageEventLedger ledger;
    private final UsageCatalog catalog;
    private final CurrentTenant tenant;
    private final int maxBatchEvents;

    public UsageEventController(UsageEventIngestion ingestion, UsageEventLedger ledger, UsageCatalog catalog,
                                CurrentTenant tenant,
                                @Value("${novabilling.limits.max-batch-events:1000}") int maxBatchEvents) {
        this.ingestion = ingestion;
        this.ledger = ledger;
        this.catalog = catalog;
        this.tenant = tenant;
        this.maxBatchEvents = maxBatchEvents;
    }

    @PostMapping
    @Operation(operationId = "ingestUsageEvent", summary = "Ingest a usage event",
            description = "Stores the event and answers it (201) once committed. The same transactionId again with "
                    + "the same payload answers the event first stored (200), never counting it twice; with another "
                    + "payload it is a 409. An event in a period already closed is stored with late: true.")
    @ApiResponse(responseCode = "201", description = "Stored")
    @ApiResponse(responseCode = "200", description = "Already stored with this transactionId and payload: the original")
    @ApiResponse(responseCode = "404", description = "The subscription does not exist")
    @ApiResponse(responseCode = "409", description = "The transactionId is already used by another payload")
    public ResponseEntity<UsageEventView> ingest(@RequestBody UsageEventRequest request) {
        UsageEventIngestion.Outcome outcome = ingestion.ingestOne(request);
        if (outcome instanceof UsageEventIngestion.Created created) {
            return ResponseEntity.status(HttpStatus.CREATED).body(created.event());
        }
        return ResponseEntity.ok(((UsageEventIngestion.Duplicate) outcome).original());
    }

    @PostMapping("/batch")
    @Operation(operationId = "ingestUsageEventBatch", summary = "Ingest usage events in a batch",
            description = "Each event is checked on its own and the valid ones are stored together, in one commit "
                    + "before the answer. Answers {accepted, duplicates, rejected:[{index, transactionId, field, "
                    + "message}]}: events already stored with the same payload count as duplicates; refused events "
                    + "are named by their index and nothing of them is stored.")
    public UsageEventBatchResult ingestBatch(@RequestBody UsageEventBatchRequest request) {
        if (request.events() == null) {
            throw new ValidationException("events", "is required");
        }
        if (request.events().isEmpty() || request.events().size() > maxBatchEvents) {
            throw new ValidationException("events", "must hold 1 to " + maxBatchEvents + " events");
        }
        return ingestion.ingestBatch(request.events());
    }

    @GetMapping("/{eventId}")
    @Operation(operationId = "getUsageEvent", summary = "Get a usage event", description = "The stored event by its id.")
    public UsageEventView get(@PathVariable String eventId) {
        UsageEventIds.requireUsageEventId(eventId);
        return ledger.find(eventId).orElseThrow(() -> new NotFoundException("Usage event", eventId));
    }

    @GetMapping("/subscription/{subscriptionId}")
    @Operation(operationId = "listUsageEventsOfSubscription", summary = "List a subscription's usage events",
            description = "Paginated ({data, meta}); newest first by timestamp; optionally one metric code and a "
                    + "window [from, to).")
    public PageResult<UsageEventView> listOfSubscription(
            @PathVariable String subscriptionId,
            @Parameter(description = "Only the events of this metric code") @RequestParam(required = false) String code,
            @Parameter(description = "Only events at or after this instant (ISO-8601)")
            @RequestParam(required = false) String from,
            @Parameter(description = "Only events before this instant (ISO-8601)")
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String limit) {
        int pageNumber = PageParameters.page(page);
        int pageSize = PageParameters.limit(limit);
        Instant fromInstant = instant(from, "from");
        Instant toInstant = instant(to, "to");
        if (fromInstant != null && toInstant != null && toInstant.isBefore(fromInstant)) {
            throw new ValidationException("to", "must not be before from");
        }
        catalog.window(tenant.tenantId(), subscriptionId)
                .orElseThrow(() -> new NotFoundException("Subscription", subscriptionId));
        String codeFilter = code == null || code.isBlank() ? null : code.trim();
        UsageEventLedger.Page result = ledger.list(subscriptionId, codeFilter, fromInstant, toInstant, pageNumber,
                pageSize);
        return PageResult.of(result.data(), result.total(), pageNumber, pageSize);
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationException(name, "must be an ISO-8601 date-time with offset, e.g. 2026-03-01T00:00:00Z");
        }
    }
}
