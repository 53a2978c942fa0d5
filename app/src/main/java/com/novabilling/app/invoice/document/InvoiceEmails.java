package com.novabilling.app.invoice.document;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.InvoiceEmailOutcome;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.RecordInvoiceEmailAttemptCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * E-mails an issued invoice (FINALIZED, PAID or VOIDED — a draft is not sent to a customer) with its PDF and records
 * the attempt on the invoice, sent or failed, before the caller learns the outcome: a refusal by the SMTP server is
 * recorded, then rethrown ({@link InvoiceEmailFailedException}, 502). A request the mailer refuses before trying (no
 * SMTP settings, no or a bad recipient: 400) attempted nothing and records nothing.
 */
@Component
public class InvoiceEmails {

    /** Longest server message kept on the invoice. */
    static final int MAX_MESSAGE = 1000;

    private final InvoiceDocuments documents;
    private final InvoiceMailer mailer;
    private final CommandGateway commands;

    public InvoiceEmails(InvoiceDocuments documents, InvoiceMailer mailer, CommandGateway commands) {
        this.documents = documents;
        this.mailer = mailer;
        this.commands = commands;
    }

    /**
     * Sends the tenant's invoice to {@code to}, or to its customer when {@code to} is blank, and records the attempt.
     *
     * @throws NotFoundException            no such invoice (of this tenant)
     * @throws ConflictException            the invoice is a DRAFT
     * @throws InvoiceEmailFailedException  the SMTP server refused or could not be reached; the attempt is recorded
     */
    public InvoiceEmailAttempt send(String tenantId, String invoiceId, String to) {
        InvoiceDocument invoice = documents.find(tenantId, invoiceId)
                .orElseThrow(() -> new NotFoundException("Invoice", invoiceId));
        if (invoice.status() == InvoiceStatus.DRAFT) {
            throw new ConflictException("Invoice " + invoiceId + " is DRAFT; only a finalized invoice is e-mailed "
                    + "(finalize it first, or download the draft from GET /invoices/" + invoiceId + "/pdf)");
        }
        InvoiceEmailAttempt attempt;
        try {
            attempt = mailer.send(tenantId, invoice, to);
        } catch (InvoiceEmailFailedException failed) {
            record(invoiceId, failed.attempt());
            throw failed;
        }
        record(invoiceId, attempt);
        return attempt;
    }

    /** Records an attempt on the invoice (the command's commit is awaited). */
    public void record(String invoiceId, InvoiceEmailAttempt attempt) {
        String message = attempt.message();
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE - 1) + "…";
        }
        commands.sendAndWait(new RecordInvoiceEmailAttemptCommand(invoiceId, attempt.at(), attempt.to(),
                InvoiceEmailOutcome.valueOf(attempt.outcome().name()), message));
    }
}
