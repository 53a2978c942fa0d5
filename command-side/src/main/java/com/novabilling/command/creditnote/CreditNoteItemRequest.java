package com.novabilling.command.creditnote;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** One item of a credit note: what is credited and how much. */
public record CreditNoteItemRequest(
        @Size(max = 500) @Schema(example = "Pro Plan - Monthly, unused part") String description,
        @NotNull @Schema(description = "Major units of the invoice's currency, more than 0, no more decimals than "
                + "the currency has", example = "500.00") BigDecimal amount) {
}
