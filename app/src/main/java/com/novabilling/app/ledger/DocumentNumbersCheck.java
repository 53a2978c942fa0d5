package com.novabilling.app.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * Gap-free document numbers (docs/billing-rules.md §6.4): every position from 1 to the tenant's counter is used by
 * exactly one document, none beyond it, and each document's number is its position written out
 * ({@code INV-000001}). Pure: the caller reads the documents and the counter.
 */
final class DocumentNumbersCheck {

    /** Missing numbers named in one violation at most; the message gives the count beyond that. */
    static final int MAX_NAMED_GAPS = 100;

    /** A numbered document as one source has it. */
    record Numbered(String id, String number, Long sequenceNumber) {
    }

    private DocumentNumbersCheck() {
    }

    /**
     * @param check   the check's name
     * @param what    "Invoice" or "Credit note", for messages
     * @param source  "read model" or "event store", for messages
     * @param counter the counter's last number (0: nothing numbered yet)
     * @param format  writes a position as a number
     */
    static List<LedgerViolation> check(String check, String what, String source, long counter,
                                       List<Numbered> documents, LongFunction<String> format) {
        List<LedgerViolation> violations = new ArrayList<>();
        Map<Long, List<String>> byPosition = new TreeMap<>();
        for (Numbered document : documents) {
            Long position = document.sequenceNumber();
            if (position == null) {
                if (document.number() != null) {
                    violations.add(LedgerViolation.of(check, document.id(), what + " " + document.id() + " (" + source
                            + ") has number " + document.number() + " but no sequence number"));
                }
                continue;
            }
            byPosition.computeIfAbsent(position, p -> new ArrayList<>()).add(document.id());
            String expected = format.apply(position);
            if (!expected.equals(document.number())) {
                violations.add(LedgerViolation.of(check, document.id(), what + " " + document.id() + " (" + source
                        + ") has number " + document.number() + " at position " + position + ", expected " + expected));
            }
            if (position < 1 || position > counter) {
                violations.add(LedgerViolation.of(check, document.id(), what + " " + document.id() + " (" + source
                        + ") has position " + position + ", outside 1…" + counter + " (the tenant's counter)"));
            }
        }
        byPosition.forEach((position, ids) -> {
            if (ids.size() > 1) {
                violations.add(new LedgerViolation(check, ids, format.apply(position) + " is used by " + ids.size()
                        + " documents (" + source + "): " + String.join(", ", ids)));
            }
        });
        List<String> missing = new ArrayList<>();
        long missingCount = 0;
        for (long position = 1; position <= counter; position++) {
            if (!byPosition.containsKey(position)) {
                missingCount++;
                if (missing.size() < MAX_NAMED_GAPS) {
                    missing.add(format.apply(position));
                }
            }
        }
        if (missingCount > 0) {
            violations.add(new LedgerViolation(check, missing, missingCount + " number(s) between 1 and the counter "
                    + counter + " are used by no " + what.toLowerCase() + " (" + source + "): "
                    + String.join(", ", missing) + (missingCount > missing.size() ? ", …" : "")));
        }
        return violations;
    }
}
