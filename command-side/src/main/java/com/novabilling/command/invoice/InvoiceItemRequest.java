package com.novabilling.command.invoice;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** One item of a one-off invoice, as seed 002's {@code InvoiceItemDto}: its amount is the price of one unit. */
public record InvoiceItemRequest(
        @NotBlank @Size(max = 500) @Schema(example = "Pro Plan - Monthly") String description,
        @NotNull @Schema(description = "Price of one unit in major units of the invoice's currency (15000 KES, "
                + "49.99 USD): not negative, no more decimals than the currency has", example = "15000")
        BigDecimal amount,
        @NotNull @Min(1) @Max(MAX_QUANTITY) @Schema(description = "A whole number, at least 1", example = "1")
        Integer quantity) {

    static final long MAX_QUANTITY = 1_000_000;
}
