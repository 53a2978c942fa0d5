package com.novabilling.command.usage;

import com.novabilling.api.charge.BreakdownLineKind;
import com.novabilling.api.charge.ChargeEstimateLine;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.query.PageResult;
import com.novabilling.rating.pricing.BreakdownLine;
import com.novabilling.rating.aggregation.CarriedState;
import com.novabilling.rating.ChargeDefinition;
import com.novabilling.rating.ChargeDefinitions;
import com.novabilling.rating.MetricDefinition;
import com.novabilling.rating.RatingEngine;
import com.novabilling.rating.RatingResult;
import com.novabilling.rating.UsageEvent;
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
import java.util.Set;

import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

/**
 * Rates the open period of a subscription (docs/billing-rules.md §11). COUNT, SUM, MAX and LATEST of a metric and a
 * charge without filters, not recurring, priced by a model other than PERCENTAGE, are aggregated in SQL over the
 * index {@code (subscription_id, code, timestamp)} and the units priced by the rating engine; everything else
 * streams the window's events (the whole history for a recurring metric) into {@link RatingEngine#rate}.
 */
@Component
public class CurrentUsage {

    private static final int CHARGE_PAGE = 100;

    private final UsageCatalog catalog;
    private final CurrentTenant tenant;
    private final JdbcTemplate jdbcTemplate;
    private final QueryGateway queryGateway;

    public CurrentUsage(UsageCatalog catalog, CurrentTenant tenant, JdbcTemplate jdbcTemplate,
                        QueryGateway queryGateway) {
        this.catalog = catalog;
        this.tenant = tenant;
        this.jdbcTemplate = jdbcTemplate;
        this.queryGateway = queryGateway;
    }

    public CurrentUsageView of(String subscriptionId) {
        String tenantId = tenant.tenantId();
        SubscriptionWindow window = catalog.window(tenantId, subscriptionId)
                .orElseThrow(() -> new NotFoundException("Subscription", subscriptionId));
        Instant from = window.periodStart();
        Instant to = window.canceledAt() != null && window.canceledAt().isBefore(window.periodEnd())
                ? window.canceledAt() : window.periodEnd();
        if (to.isBefore(from)) {
            to = from;
        }
        CurrencyCode currency = window.currency();
        List<CurrentUsageView.ChargeUsage> charges = new ArrayList<>();
        Money total = Money.zero(currency);
        for (ChargeView charge : chargesOf(window.planId(), currency)) {
            MetricRule metric = catalog.metricById(tenantId, charge.billableMetricId()).orElse(null);
            if (metric == null) {
                continue;
            }
            RatingResult result = rate(subscriptionId, metric, charge, currency, from, to);
            total = total.plus(result.amount());
            charges.add(new CurrentUsageView.ChargeUsage(charge.id(), metric.billableMetricId(), metric.code(),
                    metric.definition().aggregationType(), charge.chargeModel(), result.units(),
                    result.amount().toMajor(), result.breakdown().stream().map(CurrentUsage::line).toList()));
        }
        return new CurrentUsageView(subscriptionId, window.planId(), currency.name(), from, to, total.toMajor(),
                charges);
    }

    RatingResult rate(String subscriptionId, MetricRule rule, ChargeView charge, CurrencyCode currency, Instant from,
                      Instant to) {
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
                return RatingEngine.priceUnits(definition, units);
            } catch (DataAccessException e) {
                // a value SQL cannot read as a number (the metric's field changed since): the engine names it
            }
        }
        return RatingEngine.rate(metric, definition, from, to, events(subscriptionId, metric, from, to),
                CarriedState.NONE);
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
            case SUM -> jdbcTemplate.queryForObject("SELECT sum((properties ->> ?)::numeric)" + window
                    + " AND properties ->> ? IS NOT NULL", BigDecimal.class, prepend(field, arguments, field));
            case MAX -> jdbcTemplate.queryForObject("SELECT max((properties ->> ?)::numeric)" + window
                    + " AND properties ->> ? IS NOT NULL", BigDecimal.class, prepend(field, arguments, field));
            case LATEST -> jdbcTemplate.query("SELECT (properties ->> ?)::numeric" + window
                    + " AND properties ->> ? IS NOT NULL ORDER BY \"timestamp\" DESC, seq DESC LIMIT 1",
                    (row, i) -> row.getBigDecimal(1), prepend(field, arguments, field)).stream()
                    .findFirst().map(value -> value.signum() < 0 ? BigDecimal.ZERO : value).orElse(null);
            default -> throw new IllegalArgumentException(metric.aggregationType() + " is not aggregated in SQL");
        };
        return units == null ? BigDecimal.ZERO : units;
    }

    private static Object[] prepend(String first, Object[] middle, String last) {
        Object[] all = new Object[middle.length + 2];
        all[0] = first;
        System.arraycopy(middle, 0, all, 1, middle.length);
        all[all.length - 1] = last;
        return all;
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

    private static ChargeEstimateLine line(BreakdownLine line) {
        return new ChargeEstimateLine(line.bucket(), BreakdownLineKind.valueOf(line.kind().name()), line.tierIndex(),
                line.tierFrom(), line.tierTo(), line.units(), line.unitPrice(), line.flatAmount(), line.amount(),
                line.explanation());
    }
}
