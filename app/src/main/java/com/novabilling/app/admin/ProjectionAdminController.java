package com.novabilling.app.admin;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.axon.ProjectionDeadLetter;
import com.novabilling.app.axon.ProjectionDeadLetters;
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
public class ProjectionAdminController {

    private final ProjectionRebuildService rebuilds;
    private final ProjectionDeadLetterService deadLetters;

    public ProjectionAdminController(ProjectionRebuildService rebuilds, ProjectionDeadLetterService deadLetters) {
        this.rebuilds = rebuilds;
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public ProjectionStatuses list() {
        return new ProjectionStatuses(rebuilds.statuses());
    }

    /** Starts the rebuild of one processor ({@code processor} as parameter or body field) or of all of them. */
    @PostMapping("/rebuild")
    public ResponseEntity<ProjectionStatuses> rebuild(@RequestParam(name = "processor", required = false) String processorParam,
                                                      @RequestBody(required = false) RebuildRequest body) {
        String processor = processorName(processorParam, body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProjectionStatuses(rebuilds.rebuild(processor)));
    }

    /** The events the projection could not apply, waiting in its dead-letter queue. */
    @GetMapping("/{processor}/dead-letters")
    public DeadLetters deadLetters(@PathVariable String processor) {
        return new DeadLetters(processor, deadLetters.list(processor));
    }

    /**
     * Processes the projection's dead letters again (e.g. after a fix): each sequence from its first letter; what is
     * applied leaves the queue, a letter that fails again stays with its new cause and one more retry.
     */
    @PostMapping("/{processor}/dead-letters/retry")
    public DeadLetterRetry retryDeadLetters(@PathVariable String processor) {
        ProjectionDeadLetters.RetryOutcome outcome = deadLetters.retry(processor);
        return new DeadLetterRetry(processor, outcome.sequencesRetried(), outcome.sequencesCleared(),
                outcome.deadLetters());
    }

    /** Drops the letter of an event, or every letter of a sequence (an aggregate id), without applying it. */
    @DeleteMapping("/{processor}/dead-letters/{id}")
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
