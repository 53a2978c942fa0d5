package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.UpdateCreditNoteCommand;
import com.novabilling.api.money.CurrencyCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Changes to a DRAFT credit note; an absent field keeps its value. */
public record UpdateCreditNoteRequest(
        @Schema(description = "The whole amount in major units, more than 0; " + CreditNoteAmounts.RULE,
                example = "400.00") BigDecimal amount,
        @Size(min = 1, max = CreditNoteAmounts.MAX_ITEMS) @Schema(description = "1 to 100 items replacing the "
                + "credit note's; " + CreditNoteAmounts.RULE) List<@NotNull @Valid CreditNoteItemRequest> items,
        @Schema(description = "Any letter case") CreditNoteReason reason,
        @Schema(description = "CREDIT or OFFSET (REFUND is refused until payments exist); any letter case")
        CreditNoteType type,
        @Size(max = 2000) String description) {

    UpdateCreditNoteCommand toCommand(String creditNoteId, CurrencyCode currency) {
        return new UpdateCreditNoteCommand(creditNoteId, type, reason, description,
                CreditNoteAmounts.items(amount, items, currency, false).orElse(null));
    }
}
