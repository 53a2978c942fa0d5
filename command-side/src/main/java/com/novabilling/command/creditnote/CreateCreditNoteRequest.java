package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.CreateCreditNoteCommand;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.money.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** A credit note against a finalized invoice, created as a DRAFT: either {@code amount} or {@code items}. */
public record CreateCreditNoteRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The FINALIZED (or PAID) invoice credited",
                example = "inv_0123456789abcdef01234567") String invoiceId,
        @Schema(description = "The whole amount in major units of the invoice's currency, more than 0; "
                + CreditNoteAmounts.RULE, example = "500.00") BigDecimal amount,
        @Size(min = 1, max = CreditNoteAmounts.MAX_ITEMS) @Schema(description = "1 to 100 items whose amounts add "
                + "up to the credit note's amount; " + CreditNoteAmounts.RULE)
        List<@NotNull @Valid CreditNoteItemRequest> items,
        @NotNull @Schema(description = "Any letter case is accepted; answered in upper case") CreditNoteReason reason,
        @NotNull @Schema(description = "CREDIT: customer credit consumed by the customer's later invoices, oldest "
                + "first; OFFSET: lowers the amount due of this unpaid invoice when finalized; REFUND: refused (409) "
                + "until payments exist. Any letter case") CreditNoteType type,
        @Size(max = 2000) @Schema(example = "Service outage on 3 March") String description) {

    CreateCreditNoteCommand toCommand(String creditNoteId, String customerId, CurrencyCode currency) {
        return new CreateCreditNoteCommand(creditNoteId, invoiceId.trim(), customerId, currency, type, reason,
                description, CreditNoteAmounts.items(amount, items, currency, true).orElseThrow());
    }
}
