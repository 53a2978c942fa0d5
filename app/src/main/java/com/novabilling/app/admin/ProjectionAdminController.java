package com.novabilling.app.admin;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.axon.ProjectionDeadLetter;
import com.novabilling.app.axon.ProjectionDeadLetters;
import com.novabilling.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Status, rebuild and dead letters of the caller's tenant's projections (event processors). */
@RestController
@RequestMapping("/admin/projections")
@Tag(name = ApiTags.ADMIN)
public class ProjectionAdminController {

    private final ProjectionRebuildService rebuilds;
    private final ProjectionDeadLetterService deadLetters;

    public ProjectionAdminController(ProjectionRebuildService rebuilds, ProjectionDeadLetterService deadLetters) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(operationId = "listProjections", summary = "List the projections",
            description = "The status of each of the tenant's event processors: mode, running, replaying, caught "
                    + "up, error, position against the event store's head and progress.")
    public ProjectionStatuses list() {
        return new ProjectionStatuses(rebuilds.statuses());
    }

    @PostMapping("/rebuild")
    @Operation(operationId = "rebuildProjections", summary = "Rebuild projections",
            description = "Replays the event store into one projection (processor as parameter or body field) or, "
                    + "without one, into every projection that can be rebuilt; answers their status right after "
                    + "restarting while the replay continues in the background. 400 when the processor cannot be "
                    + "rebuilt (subscribing, or it drives sagas), 404 when there is no such processor.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @ApiResponse(responseCode = "404", description = "The tenant has no processor of that name")
    @ApiResponse(responseCode = "409", description = "A rebuild of this tenant's projections is being started or has "
            + "not caught up yet")
    public ResponseEntity<ProjectionStatuses> rebuild(@Parameter(description = "The processor to rebuild; all when absent")
                                                      @RequestParam(name = "processor", required = false) String processorParam,
                                                      @RequestBody(required = false) RebuildRequest body) {
        String processor = processorName(processorParam, body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProjectionStatuses(rebuilds.rebuild(processor)));
    }

    @GetMapping("/{processor}/dead-letters")
    @Operation(operationId = "listDeadLetters", summary = "List a projection's dead letters",
            description = "The events the projection could not apply, waiting in its dead-letter queue: event id and "
                    + "type, aggregate, sequence, the reason in our words and the failure's own message, when it was "
                    + "queued and last tried, and how often it was retried. 400 for a processor without a queue "
                    + "(subscribing lookups, sagas).")
    public DeadLetters deadLetters(@PathVariable String processor) {
        return new DeadLetters(processor, deadLetters.list(processor));
    }

    @PostMapping("/{processor}/dead-letters/retry")
    @Operation(operationId = "retryDeadLetters", summary = "Retry a projection's dead letters",
            description = "Processes the projection's dead letters again (e.g. after a fix), each sequence from its "
                    + "first letter: what is applied leaves the queue; a letter that fails again stays with its new "
                    + "cause and one more retry.")
    public DeadLetterRetry retryDeadLetters(@PathVariable String processor) {
        ProjectionDeadLetters.RetryOutcome outcome = deadLetters.retry(processor);
        return new DeadLetterRetry(processor, outcome.sequencesRetried(), outcome.sequencesCleared(),
                outcome.deadLetters());
    }

    @DeleteMapping("/{processor}/dead-letters/{id}")
    @Operation(operationId = "evictDeadLetters", summary = "Evict dead letters",
            description = "Drops the letter of an event (an event id), or every letter of a sequence (an aggregate "
                    + "id), without applying it. 404 when nothing matches.")
    public EvictedDeadLetters evictDeadLetter(@PathVariable String processor, @PathVariable String id) {
        return new EvictedDeadLetters(processor, deadLetters.evict(processor, id));
    }

    static String processorName(String param, RebuildRequest body) {
        String fromBody = body == null ? null : body.processor();
        if (param != null && fromBody != null && !param.equals(fromBody)) {
            throw new ValidationException("processor", "is given as a parameter and in the body with different values");
        }
        return param != null ? param : fromBody;
    }

    public record RebuildRequest(String processor) {
    }

    public record ProjectionStatuses(List<ProjectionStatus> data) {
    }

    public record DeadLetters(String processor, List<ProjectionDeadLetter> data) {
    }

    /** {@code data}: the letters left after the retry. */
    public record DeadLetterRetry(String processor, int sequencesRetried, int sequencesCleared,
                                  List<ProjectionDeadLetter> data) {
    }

    public record EvictedDeadLetters(String processor, List<ProjectionDeadLetter> evicted) {
    }
}
