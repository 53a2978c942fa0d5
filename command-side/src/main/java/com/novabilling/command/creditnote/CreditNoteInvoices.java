package com.novabilling.command.creditnote;

import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;

/**
 * What a credit note asks of its invoice, decided by the {@code Invoice} aggregate in the credit note's own command
 * transaction ({@link GatewayCreditNoteInvoices}): a refusal there (409, 404) refuses the credit note's command and
 * nothing of either is stored. The invoice is the one place that knows its state and total, and concurrent credit
 * notes against it are serialised on it, so together they never exceed its total.
 */
public interface CreditNoteInvoices {

    /** @throws com.novabilling.api.error.NotFoundException when the invoice does not exist */
    void allocate(AllocateInvoiceCreditCommand command);

    void release(ReleaseInvoiceCreditCommand command);

    void applyOffset(ApplyCreditNoteToInvoiceCommand command);
}
