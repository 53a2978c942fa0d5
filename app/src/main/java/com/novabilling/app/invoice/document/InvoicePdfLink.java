package com.novabilling.app.invoice.document;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/** A link to an invoice's PDF that works without an API key until {@code expiresAt}. */
@Schema(name = "InvoicePdfLink")
public record InvoicePdfLink(
        @Schema(description = "Absolute URL of the PDF; needs no credentials", example =
                "https://billing.example.com/api/public/invoices/aW52XzEyMw….pdf") String url,
        @Schema(description = "When the link stops working") Instant expiresAt) {
}
