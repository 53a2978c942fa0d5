package com.novabilling.app.admin;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.axon.TenantAxonRuntime;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static com.novabilling.app.admin.ProjectionStatusTest.segment;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

class ProjectionRebuildServiceTest {

    private final Map<String, EventProcessor> processors = new LinkedHashMap<>();
    private final TenantAxonRuntime runtime = mock(TenantAxonRuntime.class);
    private PooledStreamingEventProcessor invoices;
    private PooledStreamingEventProcessor customers;
    private PooledStreamingEventProcessor sagas;
    private SubscribingEventProcessor lookup;
    private ProjectionRebuildService service;

    @BeforeEach
    void tenantWithProcessors() {
        invoices = streaming("invoices", true);
        customers = streaming("customers", true);
        sagas = streaming("DunningSagaProcessor", false);
        lookup = mock(SubscribingEventProcessor.class);
        when(lookup.isRunning()).thenReturn(true);
        processors.put("lookup-customers", lookup);
        when(runtime.tenantId()).thenReturn("acme");
        when(runtime.eventProcessors()).thenReturn(processors);
        when(runtime.headPosition()).thenReturn(10L);
        TenantRuntimeRegistry registry = mock(TenantRuntimeRegistry.class);
        when(registry.current()).thenReturn(runtime);
        service = new ProjectionRebuildService(registry);
    }

    @Test
    void rebuildsEveryResettableStreamingProcessorByShutdownResetStart() {
        var rebuilt = service.rebuild(null);

        assertThat(rebuilt).extracting(ProjectionStatus::name).containsExactly("customers", "invoices");
        for (PooledStreamingEventProcessor processor : new PooledStreamingEventProcessor[]{invoices, customers}) {
            InOrder order = inOrder(processor);
            order.verify(processor).shutDown();
            order.verify(processor).resetTokens(any(Function.class));
            order.verify(processor).start();
        }
        verify(sagas, never()).shutDown();
        verify(lookup, never()).shutDown();
    }

    @Test
    void rebuildsOnlyTheNamedProcessor() {
        var rebuilt = service.rebuild("invoices");

        assertThat(rebuilt).extracting(ProjectionStatus::name).containsExactly("invoices");
        verify(invoices).resetTokens(any(Function.class));
        verify(customers, never()).shutDown();
    }

    @Test
    void unknownProcessorIsNotFound() {
        assertThatThrownBy(() -> service.rebuild("nope"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.resource()).isEqualTo("Projection");
                    assertThat(e.id()).isEqualTo("nope");
                });
    }

    @Test
    void subscribingAndSagaProcessorsAreRefused() {
        assertThatThrownBy(() -> service.rebuild("lookup-customers")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> service.rebuild("DunningSagaProcessor")).isInstanceOf(ValidationException.class);
        verify(lookup, never()).shutDown();
        verify(sagas, never()).shutDown();
    }

    @Test
    void aSecondRebuildWhileTheFirstIsResettingConflicts() {
        AtomicReference<Throwable> second = new AtomicReference<>();
        doAnswer(call -> {
            try {
                service.rebuild("customers");
            } catch (Throwable t) {
                second.set(t);
            }
            return null;
        }).when(invoices).shutDown();

        service.rebuild("invoices");

        assertThat(second.get()).isInstanceOf(ConflictException.class);
        verify(customers, never()).shutDown();
        service.rebuild("customers"); // the guard is released afterwards
        verify(customers).start();
    }

    @Test
    void aRebuildWhosePreviousReplayHasNotCaughtUpConflicts() {
        EventTrackerStatus halfway = segment(4, true, false);
        when(invoices.processingStatus()).thenReturn(Map.of(0, halfway));

        assertThatThrownBy(() -> service.rebuild(null)).isInstanceOf(ConflictException.class);
        verify(invoices, never()).shutDown();
        verify(customers, never()).shutDown();
    }

    @Test
    void aFailedResetStillRestartsTheProcessor() {
        doThrow(new IllegalStateException("segment claimed elsewhere")).when(invoices).resetTokens(any(Function.class));

        assertThatThrownBy(() -> service.rebuild("invoices")).hasMessage("segment claimed elsewhere");
        verify(invoices).start();
    }

    @Test
    void rebuildAndWaitReturnsOnceEveryRebuiltProcessorReachedTheHead() {
        EventTrackerStatus replaying = segment(3, true, false);
        EventTrackerStatus atHead = segment(10, true, false);
        when(invoices.processingStatus()).thenReturn(Map.of(), Map.of(0, replaying), Map.of(0, atHead));
        when(customers.processingStatus()).thenReturn(Map.of(0, atHead));

        var statuses = service.rebuildAndWait(Duration.ofSeconds(5));

        assertThat(statuses).extracting(ProjectionStatus::name).containsExactly("customers", "invoices");
        assertThat(statuses).allSatisfy(status -> {
            assertThat(status.caughtUp()).isTrue();
            assertThat(status.position()).isEqualTo(10L);
        });
    }

    @Test
    void rebuildAndWaitGivesUpAfterTheTimeoutNamingTheLaggingProcessor() {
        EventTrackerStatus stuck = segment(3, true, false);
        EventTrackerStatus atHead = segment(10, false, false);
        when(invoices.processingStatus()).thenReturn(Map.of(), Map.of(0, stuck));
        when(customers.processingStatus()).thenReturn(Map.of(0, atHead));

        assertThatThrownBy(() -> service.rebuildAndWait(Duration.ofMillis(100)))
                .isInstanceOf(ProjectionRebuildService.RebuildTimeoutException.class)
                .hasMessageContaining("invoices at 3/10")
                .hasMessageNotContaining("customers");
    }

    private PooledStreamingEventProcessor streaming(String name, boolean supportsReset) {
        PooledStreamingEventProcessor processor = mock(PooledStreamingEventProcessor.class);
        when(processor.supportsReset()).thenReturn(supportsReset);
        when(processor.isRunning()).thenReturn(true);
        when(processor.processingStatus()).thenReturn(Map.of());
        processors.put(name, processor);
        return processor;
    }
}
