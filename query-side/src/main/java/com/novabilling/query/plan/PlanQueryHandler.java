package com.novabilling.query.plan;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.plan.FindPlanQuery;
import com.novabilling.api.plan.ListPlansQuery;
import com.novabilling.api.plan.PlanView;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.paging.PageParameters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
public class PlanQueryHandler {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final PlanRepository repository;

    public PlanQueryHandler(PlanRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    public PlanView handle(FindPlanQuery query) {
        return repository.findById(query.planId())
                .map(PlanEntity::toView)
                .orElseThrow(() -> new NotFoundException("Plan", query.planId()));
    }

    @QueryHandler
    public PageResult<PlanView> handle(ListPlansQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        Page<PlanEntity> page = repository.find(query.active(), pattern,
                PageRequest.of(query.page() - 1, query.limit(), NEWEST_FIRST));
        return PageResult.of(page.map(PlanEntity::toView).getContent(), page.getTotalElements(), query.page(),
                query.limit());
    }
}
