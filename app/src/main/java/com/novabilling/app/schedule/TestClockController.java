package com.novabilling.app.schedule;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.app.axon.AxonProperties;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.command.billing.SubscriptionInvoicing;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.time.TenantClock;
import com.novabilling.app.time.TestClocks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A tenant's test clock (server started with {@code NOVABILLING_TEST_CLOCK=true}): moving it runs every
 * subscription transition due up to the new instant, earliest first, each at its own instant, before answering.
 * The clock stands at each step until the boundary invoices its transitions set off are issued (the
 * {@link SubscriptionInvoicing} group has handled them, within the read-your-writes timeout), so an invoice is issued,
 * dated and due as of its boundary — not as of wherever the clock has moved on to when the processor gets to it.
 */
@RestController
@RequestMapping("/test-clock")
@Tag(name = ApiTags.TEST_CLOCK)
public class TestClockController {

    /** The tenant's time. {@code frozen}: the tenant has moved its clock, and its time stands there. */
    public record TestClockView(Instant now, boolean frozen) {
    }

    @Schema(description = "Exactly one of `to` (an ISO-8601 instant) and `by` (an ISO-8601 period or duration such as "
            + "P1M, P14D, PT36H or P1MT2H).")
    public record AdvanceTestClockRequest(
            @Schema(description = "The instant to move to; not before the clock's current time", example = "2027-01-31T00:00:00Z")
            Instant to,
            @Schema(description = "How far to move: an ISO-8601 period or duration, positive", example = "P1M")
            String by) {
    }

    /** Most transitions one move runs, so a move of years over an hourly plan cannot hold the request for ever. */
    static final int MAX_STEPS = 100_000;

    private final TestClocks testClocks;
    private final TenantClock clock;
    private final TenantDueWork dueWork;
    private final ControlDueWorkCalendar calendar;
    private final TenantRuntimeRegistry runtimes;
    private final Duration invoicingTimeout;

    public TestClockController(TestClocks testClocks, TenantClock clock, TenantDueWork dueWork,
                               ControlDueWorkCalendar calendar, TenantRuntimeRegistry runtimes,
                               AxonProperties axonProperties) {
        this.testClocks = testClocks;
        this.clock = clock;
        this.dueWork = dueWork;
        this.calendar = calendar;
        this.runtimes = runtimes;
        this.invoicingTimeout = axonProperties.readYourWritesTimeout();
    }

    @GetMapping
    @Operation(operationId = "getTestClock", summary = "Read the tenant's test clock",
            description = "The tenant's current time, and whether it stands frozen on its test clock. 404 when the "
                    + "server runs without test clocks.")
    @ApiResponse(responseCode = "200", description = "The tenant's time",
            content = @Content(schema = @Schema(implementation = TestClockView.class)))
    @ApiResponse(responseCode = "404", description = "Test clocks are off on this server")
    public TestClockView get() {
        String tenantId = requireEnabled();
        return view(tenantId);
    }

    @PostMapping("/advance")
    @Operation(operationId = "advanceTestClock", summary = "Move the tenant's test clock forward",
            description = "Freezes the tenant's time at the new instant and, before answering, runs every subscription "
                    + "transition due up to it in order (trial ends, period closes, cancellations and plan changes at "
                    + "period end), each at its own instant. Moving backwards is a 409.")
    @ApiResponse(responseCode = "200", description = "The clock moved; every transition due up to it has run",
            content = @Content(schema = @Schema(implementation = TestClockView.class)))
    @ApiResponse(responseCode = "404", description = "Test clocks are off on this server")
    @ApiResponse(responseCode = "409", description = "The instant lies before the clock's current time")
    public TestClockView advance(@Valid @RequestBody AdvanceTestClockRequest request) {
        String tenantId = requireEnabled();
        Instant now = clock.instant();
        Instant target = target(request, now);
        if (target.isBefore(now)) {
            throw new ConflictException("to", "The test clock stands at " + now + " and never moves backwards (to "
                    + target + ")");
        }
        calendar.forget(tenantId);
        Instant at = now;
        boolean invoicingKeepsUp = true;
        for (int step = 0; step < MAX_STEPS; step++) {
            testClocks.freeze(tenantId, at, clock.baseInstant());
            Optional<Instant> next = dueWork.runDue(tenantId).filter(due -> !due.isAfter(target));
            invoicingKeepsUp = invoicingKeepsUp && invoiced(tenantId);
            if (next.isEmpty()) {
                break;
            }
            at = next.get();
        }
        testClocks.freeze(tenantId, target, clock.baseInstant());
        dueWork.runDue(tenantId);
        if (invoicingKeepsUp) {
            invoiced(tenantId);
        }
        return view(tenantId);
    }

    /**
     * Waits (at most the read-your-writes timeout) for the invoices of the transitions just run; a move whose
     * invoicing falls behind (a failing processor) stops waiting for the rest of its steps.
     */
    private boolean invoiced(String tenantId) {
        return runtimes.require(tenantId).awaitProcessingGroup(SubscriptionInvoicing.PROCESSING_GROUP,
                invoicingTimeout);
    }

    private TestClockView view(String tenantId) {
        return new TestClockView(clock.instant(), testClocks.frozenAt(tenantId).isPresent());
    }

    private String requireEnabled() {
        if (!testClocks.enabled()) {
            throw new NotFoundException("Test clock", "test-clock (this server runs without test clocks; start it "
                    + "with NOVABILLING_TEST_CLOCK=true)");
        }
        return TenantContext.require();
    }

    private static Instant target(AdvanceTestClockRequest request, Instant now) {
        if ((request.to() == null) == (request.by() == null)) {
            throw new ValidationException("to", "give exactly one of 'to' (an ISO-8601 instant) and 'by' (an "
                    + "ISO-8601 period or duration such as P1M or PT36H)");
        }
        if (request.to() != null) {
            return request.to();
        }
        return IsoAmounts.after(now, request.by(), "by");
    }
}
