package com.novabilling.command.billing;

import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.command.usage.UsageRating;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.BucketFee;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The USAGE lines of a window (docs/billing-rules.md §6.2 step 1): one per charge and billed filter bucket, each
 * carrying its breakdown and the count and digest of the events it priced.
 */
final class UsageFeeLines {

    private UsageFeeLines() {
    }

    static List<FeeLine> of(List<UsageRating.RatedCharge> charges, Instant from, Instant to) {
        List<FeeLine> lines = new ArrayList<>();
        for (UsageRating.RatedCharge rated : charges) {
            for (BucketFee fee : rated.result().fees()) {
                String label = fee.bucket().label();
                InvoiceLineUsage usage = rated.tallies().getOrDefault(label,
                        new InvoiceLineUsage(fee.units(), 0, null));
                lines.add(FeeLine.usage(rated.charge().id(), description(rated, label), unitAmount(fee),
                        fee.amount(), from, to, label, fee.lines().stream().map(UsageRating::line).toList(), usage));
            }
        }
        return lines;
    }

    private static String description(UsageRating.RatedCharge rated, String bucket) {
        String metric = rated.metric().code();
        return Bucket.DEFAULT_LABEL.equals(bucket) ? metric : metric + " " + bucket;
    }

    /** The price of one unit when a single line prices them all (STANDARD); tiers and packages have none. */
    private static BigDecimal unitAmount(BucketFee fee) {
        List<BreakdownLine> lines = fee.lines();
        return lines.size() == 1 ? lines.get(0).unitPrice() : null;
    }
}
