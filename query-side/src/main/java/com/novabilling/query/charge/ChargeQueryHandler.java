package com.novabilling.query.charge;

import com.novabilling.api.charge.ChargeEstimateView;
import com.novabilling.api.charge.ChargeView;
import com.novabilling.api.charge.EstimateChargeQuery;
import com.novabilling.api.charge.FindChargeQuery;
import com.novabilling.api.charge.ListChargesQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.metric.BillableMetricEntity;
import com.novabilling.query.metric.BillableMetricRepository;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
public class ChargeQueryHandler {

    static final String RESOURCE = "Charge";
    private static final Sort OLDEST_FIRST = Sort.by(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));

    private final ChargeRepository charges;
    private final BillableMetricRepository metrics;

    public ChargeQueryHandler(ChargeRepository charges, BillableMetricRepository metrics) {
        this.charges = charges;
        this.metrics = metrics;
    }

    @QueryHandler
    public ChargeView handle(FindChargeQuery query) {
        return charge(query.chargeId()).toView();
    }

    @QueryHandler
    public PageResult<ChargeView> handle(ListChargesQuery query) {
        Page<ChargeEntity> page = charges.find(query.planId(), query.billableMetricId(),
                PageRequest.of(query.page() - 1, query.limit(), OLDEST_FIRST));
        return PageResult.of(page.map(ChargeEntity::toView).getContent(), page.getTotalElements(), query.page(),
                query.limit());
    }

    @QueryHandler
    public ChargeEstimateView handle(EstimateChargeQuery query) {
        ChargeEntity charge = charge(query.chargeId());
        BillableMetricEntity metric = metrics.findById(charge.billableMetricId()).orElseThrow(() ->
                new IllegalStateException("Charge " + query.chargeId() + " prices billable metric "
                        + charge.billableMetricId() + ", which is not in the read model"));
        return ChargeEstimator.estimate(metric.toDefinition(), charge.currency(), charge.pricing(), query);
    }

    private ChargeEntity charge(String chargeId) {
        return charges.findById(chargeId).orElseThrow(() -> new NotFoundException(RESOURCE, chargeId));
    }
}
