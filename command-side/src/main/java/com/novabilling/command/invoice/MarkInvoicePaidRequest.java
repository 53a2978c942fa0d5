package com.novabilling.command.invoice;

import com.novabilling.api.invoice.MarkInvoicePaidCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;

import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** An out-of-band payment of a finalized invoice; every field is optional and an empty body pays it in full. */
public record MarkInvoicePaidRequest(
        @Schema(description = "Major units of the invoice's currency, more than 0 and at most amountDue; default: "
                + "the whole amount due. Less leaves the invoice FINALIZED with amountDue reduced", example = "100.00")
        BigDecimal amount,
        @Schema(description = "ISO-8601 instant the payment was received, not in the future; default now")
        Instant paidAt,
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        @Schema(description = "The payment's reference (bank transfer, receipt), e.g. TRX-2025-0042")
        String reference) {

    static final MarkInvoicePaidRequest IN_FULL = new MarkInvoicePaidRequest(null, null, null);

    MarkInvoicePaidCommand toCommand(String invoiceId) {
        return new MarkInvoicePaidCommand(invoiceId, amount, paidAt, reference == null ? null : reference.trim());
    }
}
