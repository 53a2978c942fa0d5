package com.novabilling.command.invoice;

import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.invoice.FinalizeInvoiceCommand;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.invoice.VoidInvoiceCommand;
import com.novabilling.api.openapi.ApiTags;
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

/** Invoices' writes (docs/billing-rules.md §6); each answers the invoice as the read model now has it. */
@RestController
@RequestMapping("/invoices")
@Tag(name = ApiTags.INVOICES)
public class InvoiceCommandController {

    private final ResourceCommands commands;
    private final OneOffInvoices oneOffInvoices;

    public InvoiceCommandController(ResourceCommands commands, OneOffInvoices oneOffInvoices) {
        this.commands = commands;
        this.oneOffInvoices = oneOffInvoices;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createInvoice", summary = "Create a one-off invoice",
            description = "Creates a DRAFT invoice of the customer with one ITEM line per item (amount × quantity) "
                    + "and the customer's tax lines, in the given currency or else the customer's. A draft has no "
                    + "number; finalize it to issue it.")
    @ApiResponse(responseCode = "404", description = "The customer does not exist")
    public InvoiceView create(@Valid @RequestBody CreateInvoiceRequest request) {
        String invoiceId = IdPrefix.INVOICE.newId();
        commands.send(oneOffInvoices.toCommand(invoiceId, request));
        return find(invoiceId);
    }

    @PostMapping("/{invoiceId}/finalize")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "finalizeInvoice", summary = "Finalize a draft invoice",
            description = "Issues a DRAFT invoice now: it gets the tenant's next number (INV-000001, gap-free) and "
                    + "its due date (the one given at creation, else the issue date plus the net payment terms); "
                    + "it never changes afterwards. An invoice with nothing due is PAID at once.")
    @ApiResponse(responseCode = "409", description = "The invoice is not a DRAFT")
    public InvoiceView finalizeInvoice(@PathVariable String invoiceId) {
        commands.sendTo(IdPrefix.INVOICE, invoiceId, new FinalizeInvoiceCommand(invoiceId));
        return find(invoiceId);
    }

    @PostMapping("/{invoiceId}/void")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "voidInvoice", summary = "Void an invoice",
            description = "Voids a DRAFT or an unpaid FINALIZED invoice (a finalized one keeps its number). A paid "
                    + "invoice, or one with payments recorded, is corrected with a credit note instead.")
    @ApiResponse(responseCode = "409", description = "The invoice is already VOIDED, is PAID or has payments "
            + "recorded")
    public InvoiceView voidInvoice(@PathVariable String invoiceId) {
        commands.sendTo(IdPrefix.INVOICE, invoiceId, new VoidInvoiceCommand(invoiceId));
        return find(invoiceId);
    }

    @PostMapping("/{invoiceId}/mark-paid")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "markInvoicePaid", summary = "Manually mark an invoice as paid",
            description = "Records a payment received outside NovaBilling against a FINALIZED invoice: the whole "
                    + "amount due by default (it becomes PAID), or a part of it (it stays FINALIZED with amountPaid "
                    + "grown and amountDue reduced). An amount above amountDue is a 400 naming amount.")
    @ApiResponse(responseCode = "409", description = "The invoice is a DRAFT, already PAID or VOIDED")
    public InvoiceView markPaid(@PathVariable String invoiceId,
                                @Valid @RequestBody(required = false) MarkInvoicePaidRequest request) {
        MarkInvoicePaidRequest payment = request != null ? request : MarkInvoicePaidRequest.IN_FULL;
        commands.sendTo(IdPrefix.INVOICE, invoiceId, payment.toCommand(invoiceId));
        return find(invoiceId);
    }

    private InvoiceView find(String invoiceId) {
        return commands.read(new FindInvoiceQuery(invoiceId), InvoiceView.class);
    }
}
