package com.novabilling.command.wallet;

import com.novabilling.api.wallet.TopUpWalletCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * Credits bought, granted and/or voided at once (seed 001 "Top Up Credits"; docs/billing-rules.md §15), in that
 * order; at least one more than 0.
 */
@Schema(description = "Buy, grant and/or void credits of an ACTIVE wallet, in that order; at least one more than 0.")
public record TopUpWalletRequest(
        @NotBlank @Size(max = 255) @Schema(description = "The wallet", example = "wal_0123456789abcdef01234567",
                requiredMode = Schema.RequiredMode.REQUIRED) String walletId,
        @PositiveOrZero @Schema(description = "Credits bought: a PURCHASED transaction with its credit-purchase "
                + "invoice, settled at once unless the wallet requires the invoice to be paid", example = "50")
        BigDecimal paidCredits,
        @PositiveOrZero @Schema(description = "Credits given free: a GRANTED transaction, settled at once",
                example = "5") BigDecimal grantedCredits,
        @PositiveOrZero @Schema(description = "Credits voided from the settled balance (granted credit first, then "
                + "oldest first): a VOIDED transaction; more than the balance is a 409", example = "0")
        BigDecimal voidedCredits) {

    TopUpWalletCommand toCommand(String topUpId) {
        return new TopUpWalletCommand(walletId.trim(), topUpId, paidCredits, grantedCredits, voidedCredits);
    }
}
