package com.novabilling.query.audit;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The tenant's event store as an audit trail, and its aggregates as they were at a given instant. */
@RestController
@RequestMapping("/audit")
@Tag(name = ApiTags.AUDIT)
public class AuditController {

    private final AuditEventRepository events;
    private final AggregateAsOfReader aggregates;
    private final Clock clock;

    public AuditController(AuditEventRepository events, AggregateAsOfReader aggregates, Clock clock) {
        this.events = events;
        this.aggregates = aggregates;
        this.clock = clock;
    }

    // Parameters arrive as strings so that every malformed one is reported by name in the standard error body.
    @GetMapping("/events")
    @Operation(operationId = "listAuditEvents", summary = "List audit events",
            description = "The tenant's event store as an audit trail, paginated ({data, meta}), newest first: each "
                    + "event with its type, aggregate, payload, time and actor, optionally filtered.")
    public PageResult<AuditEvent> events(@RequestParam(required = false) String aggregateId,
                                 @RequestParam(required = false) String type,
                                 @Parameter(description = "ISO-8601 instant; events at or after it")
                                 @RequestParam(required = false) String from,
                                 @Parameter(description = "ISO-8601 instant; events before it")
                                 @RequestParam(required = false) String to,
                                 @RequestParam(required = false) String page,
                                 @RequestParam(required = false) String limit) {
        return events.find(AuditEventQuery.parse(aggregateId, type, from, to, page, limit));
    }

    @GetMapping("/aggregates/{id}")
    @Operation(operationId = "getAggregateAsOf", summary = "Get an aggregate as of an instant",
            description = "The aggregate's state folded from every event recorded up to asOf (now when absent), "
                    + "with its version.")
    public AggregateStateAsOf aggregate(@PathVariable String id,
                                        @Parameter(description = "ISO-8601 instant; now when absent")
                                        @RequestParam(required = false) String asOf) {
        return aggregates.stateAsOf(id, asOfOrNow(asOf));
    }

    Instant asOfOrNow(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        List<FieldError> errors = new ArrayList<>();
        Instant parsed = Instants.parse("asOf", asOf, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return parsed;
    }
}
