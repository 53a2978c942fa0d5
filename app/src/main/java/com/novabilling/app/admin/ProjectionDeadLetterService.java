package com.novabilling.app.admin;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.axon.ProjectionDeadLetter;
import com.novabilling.app.axon.ProjectionDeadLetters;
import com.novabilling.app.axon.TenantAxonRuntime;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import org.springframework.stereotype.Service;

import java.util.List;

/**
 * The dead letters of the current tenant's read-model projections: events a projection could not apply, kept in its
 * queue while the tenant's other events flow on. Listed, processed again (after a fix), or evicted for good.
 */
@Service
public class ProjectionDeadLetterService {

    private final TenantRuntimeRegistry runtimes;

    public ProjectionDeadLetterService(TenantRuntimeRegistry runtimes) {
        this.runtimes = runtimes;
    }

    public List<ProjectionDeadLetter> list(String processor) {
        return queueOf(processor).list(processor);
    }

    public ProjectionDeadLetters.RetryOutcome retry(String processor) {
        return queueOf(processor).retry(processor);
    }

    /** @param id an event identifier, or a sequence identifier (an aggregate's) to evict its whole sequence */
    public List<ProjectionDeadLetter> evict(String processor, String id) {
        return queueOf(processor).evict(processor, id);
    }

    /**
     * @throws NotFoundException   the tenant has no processor of that name
     * @throws ValidationException the processor has no dead-letter queue (a subscribing lookup, a saga, a handler
     *                             with side effects)
     */
    private ProjectionDeadLetters queueOf(String processor) {
        TenantAxonRuntime runtime = runtimes.current();
        if (!runtime.eventProcessors().containsKey(processor)) {
            throw new NotFoundException("Projection", processor);
        }
        ProjectionDeadLetters deadLetters = runtime.deadLetters();
        if (!deadLetters.hasQueue(processor)) {
            throw new ValidationException("processor",
                    "'" + processor + "' has no dead-letter queue; only read-model projections have one");
        }
        return deadLetters;
    }
}
