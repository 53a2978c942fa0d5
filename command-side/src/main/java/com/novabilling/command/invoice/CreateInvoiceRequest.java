package com.novabilling.command.invoice;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A one-off invoice (seed 002 "Create an Invoice"): created as a DRAFT. */
public record CreateInvoiceRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The customer billed", example = "cus_0123456789abcdef01234567")
        String customerId,
        @SupportedCurrency @Schema(implementation = CurrencyCode.class, description = "Default: the customer's "
                + "currency; required (400 naming currency) when the customer has none")
        String currency,
        @NotNull @Size(min = 1, max = MAX_ITEMS) @Schema(description = "1 to 100 items, one ITEM line each")
        List<@NotNull @Valid InvoiceItemRequest> items,
        @Schema(description = "ISO-8601 instant the invoice is due; default: the issue date (at finalization) plus "
                + "the net payment terms") Instant dueDate,
        @Size(max = 2000) @Schema(example = "Thank you for your business!") String notes,
        @BoundedMetadata Map<String, Object> metadata) {

    static final int MAX_ITEMS = 100;
}
