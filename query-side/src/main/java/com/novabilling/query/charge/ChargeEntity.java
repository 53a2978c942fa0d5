package com.novabilling.query.charge;

import com.novabilling.api.charge.BillingTiming;
import com.novabilling.api.charge.ChargeDetails;
import com.novabilling.api.charge.ChargeFilterPricing;
import com.novabilling.api.charge.ChargeModel;
import com.novabilling.api.charge.ChargePricing;
import com.novabilling.api.charge.ChargeProperties;
import com.novabilling.api.charge.ChargeRange;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.query.readmodel.ReadModelRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

@Entity
@Table(name = "charges")
public class ChargeEntity extends ReadModelRow {

    private String planId;
    private String billableMetricId;
    @Enumerated(EnumType.STRING)
    private ChargeModel chargeModel;
    @Enumerated(EnumType.STRING)
    private BillingTiming billingTiming;
    @Enumerated(EnumType.STRING)
    private CurrencyCode currency;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private ChargeProperties properties;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "graduated_ranges", columnDefinition = "jsonb")
    private List<ChargeRange> graduatedRanges;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "volume_ranges", columnDefinition = "jsonb")
    private List<ChargeRange> volumeRanges;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private List<ChargeFilterPricing> filters;

    void set(ChargeDetails charge) {
        planId = charge.planId();
        billableMetricId = charge.billableMetricId();
        currency = charge.currency();
        billingTiming = charge.billingTiming();
        chargeModel = charge.pricing().chargeModel();
        properties = charge.pricing().properties();
        graduatedRanges = charge.pricing().graduatedRanges();
        volumeRanges = charge.pricing().volumeRanges();
        filters = charge.pricing().filtersOrNone();
    }

    public ChargeDetails details() {
        return new ChargeDetails(planId, billableMetricId, currency, billingTiming,
                new ChargePricing(chargeModel, properties, graduatedRanges, volumeRanges, filters));
    }

    public ChargeView toView() {
        return new ChargeView(id, planId, billableMetricId, chargeModel, billingTiming, currency.name(), properties,
                graduatedRanges, volumeRanges, filters, createdAt, updatedAt);
    }
}
