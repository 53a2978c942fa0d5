package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.FindAppliedAddOnQuery;
import com.novabilling.api.addon.ListAddOnsQuery;
import com.novabilling.api.addon.ListAppliedAddOnsQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.PageParameters;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The {@code addons} and {@code applied_addons} read models: their event handlers and their queries. Applying inserts
 * by id and removing overwrites status and time, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(AddOnProjection.PROCESSING_GROUP)
public class AddOnProjection extends ReadModelProjection<AddOnEntity, AddOnRepository> {

    public static final String PROCESSING_GROUP = "add-ons";
    private static final String APPLIED = "Applied add-on";
    private static final Sort NEWEST_APPLIED_FIRST = Sort.by(Sort.Order.desc("appliedAt"), Sort.Order.desc("id"));

    private final AppliedAddOnRepository appliedAddOns;

    public AddOnProjection(AddOnRepository addOns, AppliedAddOnRepository appliedAddOns) {
        super("Add-on", addOns, AddOnEntity::new, appliedAddOns);
        this.appliedAddOns = appliedAddOns;
    }

    @EventHandler
    public void on(AddOnCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.addOnId(), createdAt, addOn -> addOn.set(event.details()));
    }

    @EventHandler
    public void on(AddOnUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.addOnId(), updatedAt, addOn -> addOn.set(event.details()));
    }

    @EventHandler
    public void on(AddOnDeletedEvent event) {
        delete(event.addOnId());
    }

    @EventHandler
    public void on(AddOnAppliedEvent event, @Timestamp Instant appliedAt) {
        insertOnce(appliedAddOns, new AppliedAddOnEntity(event, appliedAt));
    }

    @EventHandler
    public void on(AppliedAddOnRemovedEvent event, @Timestamp Instant removedAt) {
        markRemoved(appliedAddOns, APPLIED, event.appliedAddOnId(), removedAt);
    }

    @EventHandler
    public void on(AppliedAddOnInvoicedEvent event, @Timestamp Instant invoicedAt) {
        changeApplied(appliedAddOns, APPLIED, event.appliedAddOnId(), "invoiced",
                applied -> applied.markInvoiced(event.invoiceId(), invoicedAt));
    }

    @QueryHandler
    public AddOnView handle(FindAddOnQuery query) {
        return find(query.addOnId()).toView();
    }

    @QueryHandler
    public PageResult<AddOnView> handle(ListAddOnsQuery query) {
        String pattern = query.search() == null ? null : PageParameters.containsPattern(query.search());
        return pageResult(rows.find(pattern, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                AddOnEntity::toView, query.page(), query.limit());
    }

    @QueryHandler
    public AppliedAddOnView handle(FindAppliedAddOnQuery query) {
        return find(appliedAddOns, APPLIED, query.appliedAddOnId()).toView();
    }

    @QueryHandler
    public PageResult<AppliedAddOnView> handle(ListAppliedAddOnsQuery query) {
        return pageResult(appliedAddOns.find(query.customerId(), query.subscriptionId(), query.status(),
                        pageable(query.page(), query.limit(), NEWEST_APPLIED_FIRST)),
                AppliedAddOnEntity::toView, query.page(), query.limit());
    }
}
