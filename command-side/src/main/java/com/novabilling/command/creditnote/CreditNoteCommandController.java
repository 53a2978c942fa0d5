package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.CreditNoteView;
import com.novabilling.api.creditnote.FinalizeCreditNoteCommand;
import com.novabilling.api.creditnote.FindCreditNoteQuery;
import com.novabilling.api.creditnote.VoidCreditNoteCommand;
import com.novabilling.api.id.IdPrefix;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.command.invoice.InvoiceIds;
import com.novabilling.command.web.ResourceCommands;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Credit notes' writes (docs/billing-rules.md §14); each answers the credit note as the read model now has it. */
@RestController
@RequestMapping("/credit-notes")
@Tag(name = ApiTags.CREDIT_NOTES)
public class CreditNoteCommandController {

    private final ResourceCommands commands;

    public CreditNoteCommandController(ResourceCommands commands) {
        this.commands = commands;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createCreditNote", summary = "Create a credit note",
            description = "Creates a DRAFT credit note against a FINALIZED or PAID invoice, in the invoice's "
                    + "currency, for either an amount or items. The live credit notes of an invoice add up to at "
                    + "most its total (409 otherwise). An OFFSET note needs an unpaid FINALIZED invoice with at "
                    + "least that much due; REFUND notes are refused (409) until payments exist.")
    @ApiResponse(responseCode = "404", description = "The invoice does not exist")
    @ApiResponse(responseCode = "409", description = "The invoice is a DRAFT or VOIDED, the credit notes would "
            + "exceed its total, an OFFSET exceeds its amount due or it is PAID, or the type is REFUND")
    public CreditNoteView create(@Valid @RequestBody CreateCreditNoteRequest request) {
        String invoiceId = request.invoiceId().trim();
        IdPrefix.INVOICE.require(invoiceId);
        InvoiceView invoice = commands.read(new FindInvoiceQuery(invoiceId), InvoiceView.class);
        String creditNoteId = IdPrefix.CREDIT_NOTE.newId();
        commands.send(request.toCommand(creditNoteId, invoice.customerId(), invoice.currency()));
        return find(creditNoteId);
    }

    @PatchMapping("/{creditNoteId}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "updateCreditNote", summary = "Update a draft credit note",
            description = "Changes a DRAFT credit note's amount or items, reason, type or description; a new "
                    + "amount is checked against the invoice's total again.")
    @ApiResponse(responseCode = "409", description = "The credit note is not a DRAFT, or the new amount would "
            + "exceed the invoice's total")
    public CreditNoteView update(@PathVariable String creditNoteId,
                                 @Valid @RequestBody UpdateCreditNoteRequest request) {
        IdPrefix.CREDIT_NOTE.require(creditNoteId);
        CreditNoteView current = find(creditNoteId);
        commands.sendTo(IdPrefix.CREDIT_NOTE, creditNoteId, request.toCommand(creditNoteId, current.currency()));
        return find(creditNoteId);
    }

    @PostMapping("/{creditNoteId}/finalize")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "finalizeCreditNote", summary = "Finalize a credit note",
            description = "Issues a DRAFT credit note now with the tenant's next credit-note number (CN-000001, "
                    + "gap-free). A CREDIT note becomes customer credit, consumed by the customer's later invoices "
                    + "oldest first; an OFFSET note lowers its invoice's amount due at once (PAID when nothing "
                    + "remains due).")
    @ApiResponse(responseCode = "409", description = "The credit note is not a DRAFT, or an OFFSET note's invoice "
            + "is no longer unpaid or has less due")
    public CreditNoteView finalizeCreditNote(@PathVariable String creditNoteId) {
        commands.sendTo(IdPrefix.CREDIT_NOTE, creditNoteId, new FinalizeCreditNoteCommand(creditNoteId));
        return find(creditNoteId);
    }

    @PostMapping("/{creditNoteId}/void")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "voidCreditNote", summary = "Void a credit note",
            description = "Voids a DRAFT credit note, or a FINALIZED CREDIT note none of whose credit was "
                    + "consumed; its amount no longer counts against the invoice's total. A finalized OFFSET note "
                    + "was applied to its invoice and cannot be voided.")
    @ApiResponse(responseCode = "409", description = "The credit note is already VOIDED, some of its credit was "
            + "consumed, or it is a finalized OFFSET note")
    public CreditNoteView voidCreditNote(@PathVariable String creditNoteId) {
        commands.sendTo(IdPrefix.CREDIT_NOTE, creditNoteId, new VoidCreditNoteCommand(creditNoteId));
        return find(creditNoteId);
    }

    private CreditNoteView find(String creditNoteId) {
        return commands.read(new FindCreditNoteQuery(creditNoteId), CreditNoteView.class);
    }
}
