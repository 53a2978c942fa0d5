package com.novabilling.command.creditnote;

import com.novabilling.api.error.Causes;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Sends the credit note's requests to its invoice from inside the credit note's command handler. The command bus runs
 * them on the same thread in a nested unit of work that joins the outer transaction: the invoice's events are appended
 * when the credit note's are, and either command's refusal rolls back both.
 */
@Component
public class GatewayCreditNoteInvoices implements CreditNoteInvoices {

    private final CommandGateway commandGateway;

    public GatewayCreditNoteInvoices(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @Override
    public void allocate(AllocateInvoiceCreditCommand command) {
        send(command.invoiceId(), command);
    }

    @Override
    public void release(ReleaseInvoiceCreditCommand command) {
        send(command.invoiceId(), command);
    }

    @Override
    public void applyOffset(ApplyCreditNoteToInvoiceCommand command) {
        send(command.invoiceId(), command);
    }

    private void send(String invoiceId, Object command) {
        try {
            commandGateway.sendAndWait(command);
        } catch (RuntimeException e) {
            if (Causes.contain(e, AggregateNotFoundException.class)) {
                throw new NotFoundException("Invoice", invoiceId);
            }
            throw e;
        }
    }
}
