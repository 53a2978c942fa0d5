package com.novabilling.app.schedule;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A test-only aggregate that schedules an Axon deadline and records, as an event, that it fired. */
@Aggregate
public class DeadlineProbe {

    public record StartProbeCommand(@TargetAggregateIdentifier String probeId, Instant due) {
    }

    public record ProbeStartedEvent(String probeId, Instant due) {
    }

    public record ProbeDue(String probeId) {
    }

    public record ProbeFiredEvent(String probeId) {
    }

    @AggregateIdentifier
    private String probeId;

    protected DeadlineProbe() {
    }

    @CommandHandler
    public DeadlineProbe(StartProbeCommand command, DeadlineManager deadlines) {
        apply(new ProbeStartedEvent(command.probeId(), command.due()));
        deadlines.schedule(command.due(), "probe-due", new ProbeDue(command.probeId()));
    }

    @EventSourcingHandler
    void on(ProbeStartedEvent event) {
        probeId = event.probeId();
    }

    @DeadlineHandler(deadlineName = "probe-due")
    void due(ProbeDue due) {
        apply(new ProbeFiredEvent(due.probeId()));
    }
}
