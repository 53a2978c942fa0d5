package com.novabilling.command.wallet;

import com.novabilling.api.wallet.UpdateWalletCommand;
import com.novabilling.api.wallet.WalletCredits;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** Every field is optional: an absent or null field is left unchanged. Only an ACTIVE wallet changes. */
public record UpdateWalletRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank")
        String name,
        @Schema(description = "ISO-8601 instant in the future when what remains is voided and the wallet ends",
                example = "2027-06-01T00:00:00Z") Instant expirationAt,
        @Min(WalletCredits.MIN_PRIORITY) @Max(WalletCredits.MAX_PRIORITY)
        @Schema(description = "1 (spent first) to 50") Integer priority) {

    static final UpdateWalletRequest NO_CHANGES = new UpdateWalletRequest(null, null, null);

    UpdateWalletCommand toCommand(String walletId) {
        return new UpdateWalletCommand(walletId, name == null ? null : name.trim(), expirationAt, priority);
    }
}
