package com.novabilling.command.usage;

import com.novabilling.api.charge.BreakdownLineKind;
import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.query.PageResult;
import com.novabilling.billing.invoice.UsageDigest;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeDefinitions;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.BucketAssigner;
import com.novabilling.rating.aggregation.BucketEvents;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.pricing.BucketFee;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

/**
 * Rates a subscription's usage of a window, charge by charge of its plan (docs/billing-rules.md §11): the open period
 * for current usage, a closed one for its invoice. COUNT, SUM, MAX and LATEST of a metric and a charge without
 * filters, not recurring, priced by a model other than PERCENTAGE, are aggregated in SQL over the index
 * {@code (subscription_id, code, timestamp)} and the units priced by the rating engine; everything else streams the
 * window's events (the whole history for a recurring metric) into {@link RatingEngine#rate}.
 * <p>
 * With {@link Tally#COUNT_AND_DIGEST} each billed bucket also gets the number of the window's events it consumed and
 * a digest of them ({@link UsageDigest}, computed in SQL when the units are), so that audit can re-derive an invoice
 * line from the ledger.
 */
@Component
public class UsageRating {

    private static final int CHARGE_PAGE = 100;

    /** Whether to count and digest the events each bucket consumed (invoices), or only to price them (estimates). */
    public enum Tally { NONE, COUNT_AND_DIGEST }

    /**
     * One charge rated over the window.
     *
     * @param tallies per billed bucket label, the events it consumed (empty with {@link Tally#NONE})
     */
    public record RatedCharge(ChargeView charge, MetricRule metric, RatingResult result,
                              Map<String, InvoiceLineUsage> tallies) {
    }

    private final UsageCatalog catalog;
    private final JdbcTemplate jdbcTemplate;
    private final QueryGateway queryGateway;

    public UsageRating(UsageCatalog catalog, JdbcTemplate jdbcTemplate, QueryGateway queryGateway) {
        this.catalog = catalog;
        this.jdbcTemplate = jdbcTemplate;
        this.queryGateway = queryGateway;
    }

    /** Every charge of the plan in the currency, rated over {@code [from, to)}; charges of deleted metrics are skipped. */
    public List<RatedCharge> rate(String tenantId, String subscriptionId, String planId, CurrencyCode currency,
                                  Instant from, Instant to, Tally tally) {
        List<RatedCharge> rated = new ArrayList<>();
        for (ChargeView charge : chargesOf(planId, currency)) {
            MetricRule metric = catalog.metricById(tenantId, charge.billableMetricId()).orElse(null);
            if (metric != null) {
                rated.add(rate(subscriptionId, metric, charge, currency, from, to, tally));
            }
        }
        return rated;
    }

    RatedCharge rate(String subscriptionId, MetricRule rule, ChargeView charge, CurrencyCode currency, Instant from,
                     Instant to, Tally tally) {
        MetricDefinition metric = ChargeDefinitions.metric(rule.definition());
        ChargePricing pricing = new ChargePricing(charge.chargeModel(), charge.properties(), charge.graduatedRanges(),
                charge.volumeRanges(), charge.filters());
        ChargeDefinition definition = ChargeDefinitions.charge(currency, pricing);
        if (aggregatesInSql(metric, definition)) {
            try {
                BigDecimal units = unitsInSql(subscriptionId, metric, from, to);
                if (metric.rounding() != null) {
                    units = metric.rounding().apply(units);
                }
                RatingResult result = RatingEngine.priceUnits(definition, units);
                Map<String, InvoiceLineUsage> tallies = tally == Tally.NONE || result.fees().isEmpty() ? Map.of()
                        : Map.of(Bucket.DEFAULT_LABEL, tallyInSql(subscriptionId, metric.code(), from, to, units));
                return new RatedCharge(charge, rule, result, tallies);
            } catch (DataAccessException e) {
                // a value SQL cannot read as a number (the metric's field changed since): the engine names it
            }
        }
        List<UsageEvent> events = events(subscriptionId, metric, from, to);
        RatingResult result = RatingEngine.rate(metric, definition, from, to, events, CarriedState.NONE);
        return new RatedCharge(charge, rule, result, tally == Tally.NONE ? Map.of() : tallies(definition, result, events, from));
    }

    static boolean aggregatesInSql(MetricDefinition metric, ChargeDefinition charge) {
        return !metric.recurring() && metric.filters().isEmpty() && charge.filters().isEmpty()
                && charge.model() != com.novabilling.rating.pricing.ChargeModel.PERCENTAGE
                && switch (metric.aggregationType()) {
                    case COUNT, SUM, MAX, LATEST -> true;
                    default -> false;
                };
    }

    private BigDecimal unitsInSql(String subscriptionId, MetricDefinition metric, Instant from, Instant to) {
        String window = " FROM usage_event WHERE subscription_id = ? AND code = ? AND \"timestamp\" >= ? "
                + "AND \"timestamp\" < ?";
        Object[] arguments = {subscriptionId, metric.code(), Timestamp.from(from), Timestamp.from(to)};
        String field = metric.fieldName();
        BigDecimal units = switch (metric.aggregationType()) {
            case COUNT -> jdbcTemplate.queryForObject("SELECT count(*)" + window, BigDecimal.class, arguments);
            // sum and max skip the events without the field (null) by themselves: one extraction per row, not two
            case SUM -> jdbcTemplate.queryForObject("SELECT sum((properties ->> ?)::numeric)" + window,
                    BigDecimal.class, prepend(field, arguments));
            case MAX -> jdbcTemplate.queryForObject("SELECT max((properties ->> ?)::numeric)" + window,
                    BigDecimal.class, prepend(field, arguments));
            case LATEST -> jdbcTemplate.query("SELECT (properties ->> ?)::numeric" + window
                    + " AND properties ->> ? IS NOT NULL ORDER BY \"timestamp\" DESC, seq DESC LIMIT 1",
                    (row, i) -> row.getBigDecimal(1), prepend(field, arguments, field)).stream()
                    .findFirst().map(value -> value.signum() < 0 ? BigDecimal.ZERO : value).orElse(null);
            default -> throw new IllegalArgumentException(metric.aggregationType() + " is not aggregated in SQL");
        };
        return units == null ? BigDecimal.ZERO : units;
    }

    /** The window's events of the metric, counted and digested in ledger order: the same digest as {@link UsageDigest}. */
    private InvoiceLineUsage tallyInSql(String subscriptionId, String code, Instant from, Instant to, BigDecimal units) {
        return jdbcTemplate.queryForObject("SELECT count(*), encode(sha256(convert_to("
                        + "coalesce(string_agg(transaction_id || E'\\n', '' ORDER BY seq), ''), 'UTF8')), 'hex') "
                        + "FROM usage_event WHERE subscription_id = ? AND code = ? AND \"timestamp\" >= ? "
                        + "AND \"timestamp\" < ?",
                (row, i) -> new InvoiceLineUsage(units, row.getLong(1), row.getString(2)),
                subscriptionId, code, Timestamp.from(from), Timestamp.from(to));
    }

    /** Per billed bucket, the window's events it consumed (a recurring metric's earlier events carry state only). */
    private static Map<String, InvoiceLineUsage> tallies(ChargeDefinition definition, RatingResult result,
                                                         List<UsageEvent> events, Instant from) {
        Map<String, BigDecimal> units = new LinkedHashMap<>();
        for (BucketFee fee : result.fees()) {
            units.put(fee.bucket().label(), fee.units());
        }
        Map<String, InvoiceLineUsage> tallies = new LinkedHashMap<>();
        for (BucketEvents bucket : BucketAssigner.assign(definition, events)) {
            String label = bucket.bucket().label();
            if (units.containsKey(label)) {
                List<UsageEvent> consumed = bucket.events().stream()
                        .filter(event -> !event.timestamp().isBefore(from))
                        .toList();
                tallies.put(label, new InvoiceLineUsage(units.get(label), consumed.size(),
                        UsageDigest.ofEvents(consumed)));
            }
        }
        return tallies;
    }

    /** The window's events of the metric (all before {@code to} for a recurring one), only the properties it reads. */
    private List<UsageEvent> events(String subscriptionId, MetricDefinition metric, Instant from, Instant to) {
        Set<String> keys = new LinkedHashSet<>();
        if (metric.fieldName() != null) {
            keys.add(metric.fieldName());
        }
        keys.add("operation_type");
        metric.filters().forEach(filter -> keys.add(filter.key()));
        String lower = metric.recurring() ? "" : " AND \"timestamp\" >= ?";
        List<Object> arguments = new ArrayList<>(List.of(subscriptionId, metric.code(), Timestamp.from(to)));
        if (!metric.recurring()) {
            arguments.add(Timestamp.from(from));
        }
        List<UsageEvent> events = new ArrayList<>();
        jdbcTemplate.query("SELECT transaction_id, \"timestamp\", seq, properties::text FROM usage_event "
                + "WHERE subscription_id = ? AND code = ? AND \"timestamp\" < ?" + lower
                + " ORDER BY \"timestamp\", seq", row -> {
            Map<String, Object> properties = UsageEventLedger.properties(row.getString(4));
            properties.keySet().retainAll(keys);
            events.add(new UsageEvent(row.getString(1), row.getTimestamp(2).toInstant(), row.getLong(3), properties));
        }, arguments.toArray());
        return events;
    }

    private List<ChargeView> chargesOf(String planId, CurrencyCode currency) {
        List<ChargeView> charges = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageResult<ChargeView> result = await(queryGateway.query(
                    new ListChargesQuery(page, CHARGE_PAGE, planId, null),
                    pageOf(ChargeView.class)));
            result.data().stream().filter(charge -> currency.name().equals(charge.currency())).forEach(charges::add);
            if (page >= result.meta().totalPages()) {
                return charges;
            }
        }
    }

    private static Object[] prepend(String first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static Object[] prepend(String first, Object[] middle, String last) {
        Object[] all = new Object[middle.length + 2];
        all[0] = first;
        System.arraycopy(middle, 0, all, 1, middle.length);
        all[all.length - 1] = last;
        return all;
    }

    /** A breakdown line as the API shows it. */
    public static ChargeEstimateLine line(BreakdownLine line) {
        return new ChargeEstimateLine(line.bucket(), BreakdownLineKind.valueOf(line.kind().name()), line.tierIndex(),
                line.tierFrom(), line.tierTo(), line.units(), line.unitPrice(), line.flatAmount(), line.amount(),
                line.explanation());
    }
}
