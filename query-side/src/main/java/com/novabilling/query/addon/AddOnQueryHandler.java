package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.FindAppliedAddOnQuery;
import com.novabilling.api.addon.ListAddOnsQuery;
import com.novabilling.api.addon.ListAppliedAddOnsQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.paging.PageParameters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

@Component
public class AddOnQueryHandler {

    private static final Sort NEWEST_ADD_ONS_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    private static final Sort NEWEST_APPLIED_FIRST = Sort.by(Sort.Order.desc("appliedAt"), Sort.Order.desc("id"));

    private final AddOnRepository addOns;
    private final AppliedAddOnRepository appliedAddOns;

    public AddOnQueryHandler(AddOnRepository addOns, AppliedAddOnRepository appliedAddOns) {
        this.addOns = addOns;
        this.appliedAddOns = appliedAddOns;
    }

    @QueryHandler
    public AddOnView handle(FindAddOnQuery query) {
        return addOns.findById(query.addOnId())
                .map(AddOnEntity::toView)
                .orElseThrow(() -> new NotFoundException("Add-on", query.addOnId()));
    }

    @QueryHandler
    public PageResult<AddOnView> handle(ListAddOnsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        Page<AddOnEntity> page = addOns.find(pattern, PageRequest.of(query.page() - 1, query.limit(), NEWEST_ADD_ONS_FIRST));
        return PageResult.of(page.map(AddOnEntity::toView).getContent(), page.getTotalElements(), query.page(),
                query.limit());
    }

    @QueryHandler
    public AppliedAddOnView handle(FindAppliedAddOnQuery query) {
        return appliedAddOns.findById(query.appliedAddOnId())
                .map(AppliedAddOnEntity::toView)
                .orElseThrow(() -> new NotFoundException("Applied add-on", query.appliedAddOnId()));
    }

    @QueryHandler
    public PageResult<AppliedAddOnView> handle(ListAppliedAddOnsQuery query) {
        Page<AppliedAddOnEntity> page = appliedAddOns.find(query.customerId(), query.subscriptionId(), query.status(),
                PageRequest.of(query.page() - 1, query.limit(), NEWEST_APPLIED_FIRST));
        return PageResult.of(page.map(AppliedAddOnEntity::toView).getContent(), page.getTotalElements(),
                query.page(), query.limit());
    }
}
