package com.novabilling.command.usage;

import com.novabilling.command.reference.UnitOfWorkMemo;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.query.PageResult;
import com.novabilling.billing.invoice.ChargeUsage;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.UsageDigest;
import com.novabilling.billing.invoice.UsageFees;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeDefinitions;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
import com.novabilling.rating.aggregation.Bucket;
import com.novabilling.rating.aggregation.CarriedState;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

/**
 * Rates a subscription's usage of a window, charge by charge of its plan (docs/billing-rules.md §11): the open period
 * for current usage, a closed one for its invoice. COUNT, SUM, MAX and LATEST of a metric and a charge without
 * filters, not recurring, priced by a model other than PERCENTAGE, are aggregated in SQL over the index
 * {@code (subscription_id, code, timestamp)} and the units priced by the rating engine; everything else streams the
 * window's events (the whole history for a recurring metric) into {@link RatingEngine#rate}.
 * <p>
 * For an invoice ({@link #feeLines}) each billed bucket also gets the number of the window's events it consumed and
 * a digest of them ({@link UsageDigest}, computed in SQL when the units are), so that audit can re-derive the line
 * from the ledger.
 */
@Component
public class UsageRating {

    private static final int CHARGE_PAGE = 100;

    /** One charge rated over the window. */
    public record RatedCharge(ChargeView charge, MetricRule metric, RatingResult result) {
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
                                  Instant from, Instant to) {
        List<RatedCharge> rated = new ArrayList<>();
        forEachCharge(tenantId, planId, currency, (metric, charge) ->
                rated.add(rate(subscriptionId, metric, charge, currency, from, to)));
        return rated;
    }

    /**
     * The USAGE lines an invoice bills for {@code [from, to)} (docs/billing-rules.md §13.2 step 1), priced by the billing
     * engine ({@link UsageFees}): one per charge and billed bucket, with the count and digest of the window's events it
     * consumed — counted and digested in SQL where the units are aggregated there.
     */
    public List<FeeLine> feeLines(String tenantId, String subscriptionId, String planId, CurrencyCode currency,
                                  Instant from, Instant to) {
        List<FeeLine> lines = new ArrayList<>();
        forEachCharge(tenantId, planId, currency, (metric, charge) ->
                lines.addAll(UsageFees.price(usage(subscriptionId, metric, charge, currency, from, to), from, to)
                        .fees()));
        return lines;
    }

    private void forEachCharge(String tenantId, String planId, CurrencyCode currency,
                               BiConsumer<MetricRule, ChargeView> action) {
        for (ChargeView charge : chargesOf(planId, currency)) {
            catalog.metricById(tenantId, charge.billableMetricId()).ifPresent(metric -> action.accept(metric, charge));
        }
    }

    RatedCharge rate(String subscriptionId, MetricRule rule, ChargeView charge, CurrencyCode currency, Instant from,
                     Instant to) {
        MetricDefinition metric = ChargeDefinitions.metric(rule.definition());
        ChargeDefinition definition = definition(charge, currency);
        Optional<BigDecimal> units = unitsInSqlIfPossible(subscriptionId, metric, definition, from, to);
        RatingResult result = units.isPresent() ? RatingEngine.priceUnits(definition, units.get())
                : RatingEngine.rate(metric, definition, from, to, events(subscriptionId, metric, from, to),
                CarriedState.NONE);
        return new RatedCharge(charge, rule, result);
    }

    /** What the billing engine prices: the units aggregated in SQL with their tally, else the window's events. */
    ChargeUsage usage(String subscriptionId, MetricRule rule, ChargeView charge, CurrencyCode currency, Instant from,
                      Instant to) {
        MetricDefinition metric = ChargeDefinitions.metric(rule.definition());
        ChargeDefinition definition = definition(charge, currency);
        Optional<BigDecimal> units = unitsInSqlIfPossible(subscriptionId, metric, definition, from, to);
        if (units.isPresent()) {
            return new ChargeUsage.Units(charge.id(), rule.code(), definition,
                    List.of(tallyInSql(subscriptionId, metric.code(), from, to, units.get())));
        }
        return new ChargeUsage.Events(charge.id(), rule.code(), metric, definition,
                events(subscriptionId, metric, from, to), CarriedState.NONE);
    }

    private static ChargeDefinition definition(ChargeView charge, CurrencyCode currency) {
        return ChargeDefinitions.charge(currency, new ChargePricing(charge.chargeModel(), charge.properties(),
                charge.graduatedRanges(), charge.volumeRanges(), charge.filters()));
    }

    /** The units after the metric's rounding, when SQL can aggregate them; empty when the events must be rated. */
    private Optional<BigDecimal> unitsInSqlIfPossible(String subscriptionId, MetricDefinition metric,
                                                      ChargeDefinition definition, Instant from, Instant to) {
        if (!aggregatesInSql(metric, definition)) {
            return Optional.empty();
        }
        try {
            BigDecimal units = unitsInSql(subscriptionId, metric, from, to);
            return Optional.of(metric.rounding() != null ? metric.rounding().apply(units) : units);
        } catch (DataAccessException e) {
            return Optional.empty(); // a value SQL cannot read as a number (the metric's field changed): the engine names it
        }
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
    private ChargeUsage.BucketUnits tallyInSql(String subscriptionId, String code, Instant from, Instant to,
                                               BigDecimal units) {
        return jdbcTemplate.queryForObject("SELECT count(*), encode(sha256(convert_to("
                        + "coalesce(string_agg(transaction_id || E'\\n', '' ORDER BY seq), ''), 'UTF8')), 'hex') "
                        + "FROM usage_event WHERE subscription_id = ? AND code = ? AND \"timestamp\" >= ? "
                        + "AND \"timestamp\" < ?",
                (row, i) -> new ChargeUsage.BucketUnits(Bucket.DEFAULT, units, row.getLong(1), row.getString(2)),
                subscriptionId, code, Timestamp.from(from), Timestamp.from(to));
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

    /** The plan's charges in the currency; read once a unit of work (a billing run's batch rates many subscriptions). */
    private List<ChargeView> chargesOf(String planId, CurrencyCode currency) {
        return UnitOfWorkMemo.remember("plan-charges:" + planId + ":" + currency, () -> readChargesOf(planId, currency));
    }

    private List<ChargeView> readChargesOf(String planId, CurrencyCode currency) {
        List<ChargeView> charges = new ArrayList<>();
        for (int page = 1; ; page++) {
            PageResult<ChargeView> result = await(queryGateway.query(
                    new ListChargesQuery(page, CHARGE_PAGE, planId, null),
                    pageOf(ChargeView.class)));
            result.data().stream().filter(charge -> currency.name().equals(charge.currency())).forEach(charges::add);
            if (page >= result.meta().totalPages()) {
                return List.copyOf(charges);
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
}
