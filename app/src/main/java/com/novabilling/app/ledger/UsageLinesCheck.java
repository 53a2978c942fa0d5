package com.novabilling.app.ledger;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An invoice's USAGE lines against the same window re-rated from the usage ledger now (docs/billing-rules.md §11,
 * §13.3): per charge and bucket, the same units, amount, event count and digest. Pure: the caller re-rates.
 */
final class UsageLinesCheck {

    private UsageLinesCheck() {
    }

    /**
     * @param invoiceLines the invoice's lines (only USAGE lines are compared)
     * @param reRated      the USAGE lines the window gives now
     */
    static List<LedgerViolation> check(String invoiceId, List<InvoiceLine> invoiceLines, List<InvoiceLine> reRated) {
        List<String> differences = differences(invoiceLines, reRated);
        if (differences.isEmpty()) {
            return List.of();
        }
        return List.of(LedgerViolation.of(LedgerChecks.USAGE_RERATING, invoiceId, "Invoice " + invoiceId
                + "'s usage re-rated from the stored usage events differs (a changed charge or a usage event changed "
                + "outside the late-usage path does this): " + String.join("; ", differences)));
    }

    /**
     * A window that late usage re-rated (docs/billing-rules.md §16): the original invoice keeps its lines, so the
     * rating to match is the last re-rating's lines (the invoice's {@code reRatings}-th).
     */
    static List<LedgerViolation> checkReRated(String invoiceId, int reRatings, List<InvoiceLine> lastReRating,
                                              List<InvoiceLine> reRated) {
        List<String> differences = differences(lastReRating, reRated);
        if (differences.isEmpty()) {
            return List.of();
        }
        return List.of(LedgerViolation.of(LedgerChecks.USAGE_RERATING, invoiceId, "Invoice " + invoiceId
                + "'s usage window re-rated from the stored usage events differs from its late-usage re-rating "
                + reRatings + " (late usage accepted but not re-rated does this): " + String.join("; ", differences)));
    }

    private static List<String> differences(List<InvoiceLine> invoiceLines, List<InvoiceLine> reRated) {
        Map<String, InvoiceLine> billed = byChargeAndBucket(invoiceLines);
        Map<String, InvoiceLine> now = byChargeAndBucket(reRated);
        List<String> differences = new ArrayList<>();
        billed.forEach((key, line) -> {
            InvoiceLine again = now.get(key);
            if (again == null) {
                differences.add(key + ": billed " + usage(line) + ", re-rating gives no line");
            } else if (!usage(line).equals(usage(again))) {
                differences.add(key + ": billed " + usage(line) + ", re-rated " + usage(again));
            }
        });
        now.forEach((key, line) -> {
            if (!billed.containsKey(key)) {
                differences.add(key + ": not billed, re-rated " + usage(line));
            }
        });
        return differences;
    }

    private static Map<String, InvoiceLine> byChargeAndBucket(List<InvoiceLine> lines) {
        Map<String, InvoiceLine> keyed = new LinkedHashMap<>();
        for (InvoiceLine line : lines) {
            if (line.type() == InvoiceLineType.USAGE) {
                keyed.put("charge " + line.chargeId() + " bucket " + line.bucket(), line);
            }
        }
        return keyed;
    }

    /** What must match: units, amount (minor), event count, digest. */
    private static String usage(InvoiceLine line) {
        String units = line.usage() == null ? InvoiceTotalsCheck.plain(line.quantity())
                : InvoiceTotalsCheck.plain(line.usage().units());
        return "units " + units + ", amount " + line.amount().minor() + " " + line.amount().currency()
                + (line.usage() == null ? "" : ", " + line.usage().eventCount() + " events, digest "
                + line.usage().digest());
    }
}
