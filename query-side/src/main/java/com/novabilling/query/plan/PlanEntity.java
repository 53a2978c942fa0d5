package com.novabilling.query.plan;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.plan.PlanDetails;
import com.novabilling.api.plan.PlanPriceView;
import com.novabilling.api.plan.PlanView;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@Entity
@Table(name = "plans")
public class PlanEntity extends ReadModelRow {

    /** One price as stored in the {@code prices} JSON column: minor units, never a floating-point number. */
    public record StoredPrice(String id, CurrencyCode currency, long minor) {
        PlanPriceView toView() {
            return new PlanPriceView(id, currency.name(), Money.ofMinor(minor, currency).toMajor());
        }
    }

    private String name;
    private String code;
    private String description;
    @Enumerated(EnumType.STRING)
    private BillingInterval billingInterval;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<String> features;
    private int trialDays;
    private boolean active;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> metadata;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<StoredPrice> prices = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    private BillingTiming billingTiming;
    private Integer netPaymentTerms;
    private Integer invoiceGracePeriodDays;

    void set(PlanDetails details) {
        PlanDetails plan = details.normalized();
        name = plan.name();
        code = plan.code();
        description = plan.description();
        billingInterval = plan.billingInterval();
        features = plan.features();
        trialDays = plan.trialDays();
        billingTiming = plan.billingTiming();
        netPaymentTerms = plan.netPaymentTerms();
        invoiceGracePeriodDays = plan.invoiceGracePeriodDays();
        active = plan.active();
        metadata = plan.metadata();
    }

    /** Adds the price, or replaces the one with the same id (a redelivered event changes nothing). */
    void putPrice(String priceId, Money amount) {
        List<StoredPrice> changed = new ArrayList<>(prices);
        StoredPrice price = new StoredPrice(priceId, amount.currency(), amount.minor());
        int index = indexOf(priceId);
        if (index >= 0) {
            changed.set(index, price);
        } else {
            changed.add(price);
        }
        prices = changed;
    }

    void removePrice(String priceId) {
        prices = prices.stream().filter(price -> !price.id().equals(priceId)).toList();
    }

    public PlanView toView() {
        // rows projected before issue 12 have no billing timing: they bill IN_ADVANCE
        return new PlanView(id, new PlanDetails(name, code, description, billingInterval, features, trialDays,
                billingTiming == null ? BillingTiming.IN_ADVANCE : billingTiming, netPaymentTerms,
                invoiceGracePeriodDays, active, metadata), prices.stream().map(StoredPrice::toView).toList(),
                createdAt, updatedAt);
    }

    private int indexOf(String priceId) {
        for (int i = 0; i < prices.size(); i++) {
            if (prices.get(i).id().equals(priceId)) {
                return i;
            }
        }
        return -1;
    }
}
