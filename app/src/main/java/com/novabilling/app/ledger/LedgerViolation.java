package com.novabilling.app.ledger;

import java.util.List;

/**
 * One thing the ledger verifier found wrong.
 *
 * @param check   which check found it ({@link LedgerChecks})
 * @param ids     what is involved: invoice, credit note, wallet or transaction ids; for a gap in a number sequence,
 *                the missing numbers ({@code INV-000004})
 * @param message what is wrong, with the values compared
 */
public record LedgerViolation(String check, List<String> ids, String message) {

    public LedgerViolation {
        ids = List.copyOf(ids);
    }

    static LedgerViolation of(String check, String id, String message) {
        return new LedgerViolation(check, List.of(id), message);
    }
}
