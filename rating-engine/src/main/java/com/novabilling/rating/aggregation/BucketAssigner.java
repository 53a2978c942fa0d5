package com.novabilling.rating.aggregation;

import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeFilter;
import com.novabilling.rating.RatingException;
import com.novabilling.rating.UsageEvent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts each event in the bucket of its most specific matching charge filter, or in the default bucket
 * (docs/billing-rules.md §4.3).
 */
public final class BucketAssigner {

    private BucketAssigner() {
    }

    /**
     * One entry per charge filter, in filter order (possibly without events), then the default bucket.
     *
     * @throws RatingException when an event matches two filters of the same, highest specificity
     */
    public static List<BucketEvents> assign(ChargeDefinition charge, List<UsageEvent> events) {
        Map<ChargeFilter, List<UsageEvent>> byFilter = new LinkedHashMap<>();
        charge.filters().forEach(filter -> byFilter.put(filter, new ArrayList<>()));
        List<UsageEvent> unmatched = new ArrayList<>();
        for (UsageEvent event : events) {
            ChargeFilter match = mostSpecificMatch(charge.filters(), event);
            (match == null ? unmatched : byFilter.get(match)).add(event);
        }
        List<BucketEvents> buckets = new ArrayList<>();
        byFilter.forEach((filter, matched) ->
                buckets.add(new BucketEvents(filter.bucket(), filter.properties(), matched)));
        buckets.add(new BucketEvents(Bucket.DEFAULT, charge.defaultProperties(), unmatched));
        return buckets;
    }

    static ChargeFilter mostSpecificMatch(List<ChargeFilter> filters, UsageEvent event) {
        List<ChargeFilter> matching = filters.stream()
                .filter(filter -> filter.matches(event))
                .sorted(Comparator.comparingInt(ChargeFilter::specificity).reversed())
                .toList();
        if (matching.isEmpty()) {
            return null;
        }
        if (matching.size() > 1 && matching.get(1).specificity() == matching.get(0).specificity()) {
            throw new RatingException("filters", "event " + event.transactionId() + " matches "
                    + matching.get(0).bucket().label() + " and " + matching.get(1).bucket().label()
                    + " with the same specificity");
        }
        return matching.get(0);
    }
}
