package com.novabilling.app.ledger;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /admin/ledger/verify} answers, and a SUCCEEDED verification run ({@link LedgerVerificationRun}).
 *
 * @param ok             no violation found by the checks that ran
 * @param checkedAt      when the verification started (the tenant's clock)
 * @param durationMs     how long it took
 * @param counts         what was checked: events read, invoices, credit notes, wallets, usage lines re-rated…
 * @param checks         the checks that ran ({@link LedgerChecks})
 * @param skipped        checks that did not run, with the reason
 * @param violationCount every violation found; {@code violations} lists at most {@link LedgerVerifier#MAX_LISTED}
 * @param violations     each violation with the ids involved
 */
@Schema(description = "The result of verifying the tenant's ledger")
public record LedgerReport(boolean ok, Instant checkedAt, long durationMs, Map<String, Long> counts,
                           List<String> checks, List<SkippedCheck> skipped, int violationCount,
                           List<LedgerViolation> violations) {

    /** A check that did not run, and why. */
    public record SkippedCheck(String check, String reason) {
    }
}
