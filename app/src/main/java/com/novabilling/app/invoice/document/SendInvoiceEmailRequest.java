package com.novabilling.app.invoice.document;

import com.novabilling.command.validation.RequestPatterns;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** {@code POST /invoices/{id}/send-email}: the recipient, or none for the customer's own address. */
@Schema(name = "SendInvoiceEmailRequest")
public record SendInvoiceEmailRequest(
        @Schema(description = "Recipient; the customer's e-mail address when omitted", example = "accounts@acme.com")
        @Email(regexp = RequestPatterns.EMAIL) @Size(max = 320) String to) {
}
