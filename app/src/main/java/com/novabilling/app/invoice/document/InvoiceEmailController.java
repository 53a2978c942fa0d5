package com.novabilling.app.invoice.document;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.invoice.InvoiceIds;
import com.novabilling.command.web.ResourceCommands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /invoices/{id}/send-email}: e-mails an issued invoice with its PDF and records the attempt. */
@RestController
@RequestMapping("/invoices")
@Tag(name = ApiTags.INVOICES)
public class InvoiceEmailController {

    private final InvoiceEmails emails;
    private final ResourceCommands commands;

    public InvoiceEmailController(InvoiceEmails emails, ResourceCommands commands) {
        this.emails = emails;
        this.commands = commands;
    }

    @PostMapping("/{invoiceId}/send-email")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "sendInvoiceEmail", summary = "Send an invoice by e-mail",
            description = "E-mails a FINALIZED, PAID or VOIDED invoice, its PDF attached, through the tenant's SMTP "
                    + "settings to the given address or else the customer's. Every attempt is recorded on the "
                    + "invoice (emailAttempts); the answer is the invoice with it. 400 when SMTP is not configured "
                    + "(settings.smtp) or there is no valid recipient (to); 502 with the SMTP server's reply when "
                    + "it refused or could not be reached — the failed attempt is recorded and the call may be "
                    + "repeated.")
    @ApiResponse(responseCode = "409", description = "The invoice is a DRAFT: finalize it before sending it")
    @ApiResponse(responseCode = "502", description = "The tenant's SMTP server refused the e-mail or could not be "
            + "reached; the message carries its reply and the failed attempt is recorded on the invoice")
    public InvoiceView send(@PathVariable String invoiceId,
                            @Valid @RequestBody(required = false) SendInvoiceEmailRequest request) {
        IdPrefix.INVOICE.require(invoiceId);
        emails.send(TenantContext.require(), invoiceId, request == null ? null : request.to());
        return commands.read(new FindInvoiceQuery(invoiceId), InvoiceView.class);
    }
}
