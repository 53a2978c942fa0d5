package com.novabilling.app.tenant;

import com.novabilling.command.validation.BillingTermLimits;
import com.novabilling.command.validation.RequestPatterns;
import com.novabilling.command.validation.TaxRate;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

public final class TenantRequests {

    private TenantRequests() {
    }

    public record UpdateTenant(@Size(min = 1, max = 255) String name,
                               @Email(regexp = RequestPatterns.EMAIL) @Size(max = 320) String email,
                               @Size(max = 255) String companyName,
                               @Valid Settings settings) {
    }

    public record Settings(String defaultCurrency, String timezone, @Valid Smtp smtp,
                           @TaxRate @Schema(description = "Default tax in percent for customers that set none, 0 to "
                                   + "100 with at most 4 decimals (16 for VAT 16 %); 0 (the default) means no tax",
                                   example = "16") BigDecimal taxRate,
                           @Size(max = BillingTermLimits.MAX_TAX_NAME_LENGTH)
                           @Pattern(regexp = RequestPatterns.NOT_BLANK, message = "must not be blank")
                           @Schema(description = BillingTermLimits.TAX_NAME) String taxName,
                           @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = "Default "
                                   + "net payment terms for customers and plans that set none: "
                                   + BillingTermLimits.NET_PAYMENT_TERMS + "; 0 (the default) means due on issue")
                           Integer netPaymentTerms,
                           @Min(0) @Max(BillingTermLimits.MAX_DAYS) @Schema(description = "Default grace period "
                                   + "for plans that set none: " + BillingTermLimits.GRACE_PERIOD + "; 0 (the default) "
                                   + "finalizes at once") Integer invoiceGracePeriodDays,
                           Boolean emailInvoicesOnFinalization,
                           @Size(max = 32) @Schema(description = "Where usage that arrives late for a period whose "
                                   + "invoice is finalized is billed: next_invoice (the default: an adjustment line "
                                   + "on the subscription's next invoice) or adjustment_invoice (an invoice of its "
                                   + "own, issued at once); any letter case. A decrease is always a credit note",
                                   example = "next_invoice", allowableValues = {"next_invoice", "adjustment_invoice"})
                           String lateUsagePolicy) {
    }

    public record Smtp(@Size(min = 1, max = 255) String host,
                       @Min(1) @Max(65535) Integer port,
                       @Size(max = 255) String username,
                       @Size(max = 1000) String password,
                       @Email(regexp = RequestPatterns.EMAIL) String fromEmail,
                       @Size(max = 255) String fromName,
                       Boolean secure) {
    }

    public record CreateApiKey(@Size(max = 255) String name) {
    }

    public record SmtpTest(@Email(regexp = RequestPatterns.EMAIL) String to) {
    }
}
