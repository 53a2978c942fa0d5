package com.novabilling.query.metric;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.metric.BillableMetricView;
import com.novabilling.api.metric.FindBillableMetricQuery;
import com.novabilling.api.metric.ListBillableMetricsQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.paging.PageParameters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
public class BillableMetricQueryHandler {

    static final String RESOURCE = "Billable metric";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final BillableMetricRepository repository;

    public BillableMetricQueryHandler(BillableMetricRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    public BillableMetricView handle(FindBillableMetricQuery query) {
        return repository.findById(query.billableMetricId())
                .map(BillableMetricEntity::toView)
                .orElseThrow(() -> new NotFoundException(RESOURCE, query.billableMetricId()));
    }

    @QueryHandler
    public PageResult<BillableMetricView> handle(ListBillableMetricsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        Page<BillableMetricEntity> page = repository.find(query.aggregationType(), pattern,
                PageRequest.of(query.page() - 1, query.limit(), NEWEST_FIRST));
        return PageResult.of(page.map(BillableMetricEntity::toView).getContent(), page.getTotalElements(),
                query.page(), query.limit());
    }
}
