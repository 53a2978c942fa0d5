package com.novabilling.saga.invoice;

import com.novabilling.api.invoice.FinalizeInvoiceCommand;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * A draft invoice created with a grace period ({@code finalizeAt}) stays editable until then — late usage of its
 * period is re-rated into it — and finalizes by itself when the grace period ends, on the tenant's clock
 * (docs/billing-rules.md §13.3). Finalizing or voiding it by hand first ends the flow. The deadline is durable
 * (the tenant's deadline manager keeps it in the tenant's database), so a restart or another node delivers it.
 * <p>
 * The command gateway and deadline manager are handler parameters: they are the tenant's own, resolved from the
 * tenant runtime's configuration.
 */
@Saga
public class InvoiceGracePeriodSaga {

    static final String GRACE_PERIOD_ENDED = "invoice-grace-period-ended";

    private String invoiceId;

    @StartSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceCreatedEvent event, DeadlineManager deadlines) {
        if (event.finalizeAt() == null) {
            SagaLifecycle.end(); // no grace period: finalized by a command, at once or by hand
            return;
        }
        invoiceId = event.invoiceId();
        deadlines.schedule(event.finalizeAt(), GRACE_PERIOD_ENDED, new GracePeriodEnded(invoiceId));
    }

    @DeadlineHandler(deadlineName = GRACE_PERIOD_ENDED)
    public void on(GracePeriodEnded deadline, CommandGateway commands) {
        commands.sendAndWait(new FinalizeInvoiceCommand(deadline.invoiceId()));
    }

    /** The deadline's payload (a handler's first parameter is its payload; the gateway comes after it). */
    public record GracePeriodEnded(String invoiceId) {
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceFinalizedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(GRACE_PERIOD_ENDED);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "invoiceId")
    public void on(InvoiceVoidedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(GRACE_PERIOD_ENDED);
    }
}
