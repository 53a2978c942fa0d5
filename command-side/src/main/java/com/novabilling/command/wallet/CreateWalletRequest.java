package com.novabilling.command.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.wallet.CreateWalletCommand;
import com.novabilling.api.wallet.WalletCredits;
import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/**
 * A customer's wallet (seed 001 "Create Wallet"; docs/billing-rules.md §15): only {@code customerId} and
 * {@code currency} are required. The aggregate checks what needs the clock or the rate ({@code expirationAt} in the
 * future, credits worth at least the currency's smallest unit and at most {@code Money.MAX_MAJOR}).
 */
@Schema(description = "A wallet of prepaid credits of a customer, in one currency; credits are worth rateAmount each.")
public record CreateWalletRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The customer the wallet belongs to",
                example = "cus_0123456789abcdef01234567", requiredMode = Schema.RequiredMode.REQUIRED)
        String customerId,
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,
        @NotBlank @SupportedCurrency @Schema(implementation = CurrencyCode.class,
                requiredMode = Schema.RequiredMode.REQUIRED, description = "The wallet's one currency; the "
                + "customer's other wallets may hold others") String currency,
        @Positive @Schema(description = "Value of one credit in major units of the currency, more than 0; default 1",
                example = "1.0") BigDecimal rateAmount,
        @PositiveOrZero @Schema(description = "Credits bought now, default 0: a PURCHASED transaction with a "
                + "credit-purchase invoice; settled at once unless invoiceRequiresSuccessfulPayment", example = "100")
        BigDecimal paidCredits,
        @PositiveOrZero @Schema(description = "Credits given free now, default 0: a GRANTED transaction, settled at "
                + "once", example = "10") BigDecimal grantedCredits,
        @Schema(description = "ISO-8601 instant, in the future, when what remains is voided and the wallet ends; "
                + "absent: never", example = "2027-01-01T00:00:00Z") Instant expirationAt,
        @Min(WalletCredits.MIN_PRIORITY) @Max(WalletCredits.MAX_PRIORITY)
        @Schema(description = "1 (spent first) to 50; default 50. Equal priorities are spent oldest first")
        Integer priority,
        @Schema(description = "true: purchased credits stay PENDING (not spendable) until their credit-purchase "
                + "invoice is paid, and fail if it is voided; default false: they settle at once")
        Boolean invoiceRequiresSuccessfulPayment,
        @BoundedMetadata Map<String, Object> metadata) {

    CreateWalletCommand toCommand(String walletId) {
        return new CreateWalletCommand(walletId, customerId.trim(), name == null ? null : name.trim(),
                CurrencyCode.parse(currency).orElseThrow(), rateAmount, paidCredits, grantedCredits, expirationAt,
                priority, invoiceRequiresSuccessfulPayment, metadata);
    }
}
