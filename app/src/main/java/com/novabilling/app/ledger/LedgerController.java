package com.novabilling.app.ledger;

import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.error.ValidationException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's tenant's ledger, verified against itself. */
@RestController
@RequestMapping("/admin/ledger")
@Tag(name = ApiTags.ADMIN)
public class LedgerController {

    private final LedgerVerifier verifier;

    public LedgerController(LedgerVerifier verifier) {
        this.verifier = verifier;
    }

    @GetMapping("/verify")
    @Operation(operationId = "verifyLedger", summary = "Verify the ledger",
            description = "Checks the tenant's money against itself and answers every violation with the ids "
                    + "involved: each invoice's totals are the sums of its lines and amountDue = total − "
                    + "creditNotesAmount − walletAmount − amountPaid, in the read model and in the event store, and "
                    + "both agree; no credit note is consumed beyond its credit; invoice and credit-note numbers are "
                    + "gap-free up to the tenant's counters; every wallet balance is the sum of its settled "
                    + "transactions and never went negative; every USAGE line of a finalized invoice re-rates from "
                    + "the stored usage events to the same units, amount, event count and digest; every read-model "
                    + "projection rebuilt from the event store into a scratch schema (rolled back) gives the same "
                    + "rows (rebuild=false leaves this out). Runs in the "
                    + "request (seconds for thousands of invoices) and writes nothing; `ok` is true when nothing "
                    + "was found. Checks that did not run are listed in `skipped`.")
    public LedgerReport verify(@Parameter(description = "false: leave out the projection rebuild check (the heaviest: "
                                       + "it replays the whole event store); default true")
                               @RequestParam(name = "rebuild", required = false) String rebuild) {
        return verifier.verify(rebuild(rebuild));
    }

    static boolean rebuild(String value) {
        if (value == null) {
            return true;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ValidationException("rebuild", "must be true or false");
    }
}
