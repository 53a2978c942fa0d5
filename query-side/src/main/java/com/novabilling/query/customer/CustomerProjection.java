package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerSortField;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.SortOrder;
import com.novabilling.api.query.PageParameters;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** The {@code customers} read model: its event handlers and its queries. */
@Component
@ProcessingGroup(CustomerProjection.PROCESSING_GROUP)
public class CustomerProjection extends ReadModelProjection<CustomerEntity, CustomerRepository> {

    public static final String PROCESSING_GROUP = "customers";

    public CustomerProjection(CustomerRepository repository) {
        super("Customer", repository, CustomerEntity::new);
    }

    @EventHandler
    public void on(CustomerCreatedEvent event, @Timestamp Instant createdAt) {
        create(event.customerId(), createdAt, customer -> customer.set(event.details()));
    }

    @EventHandler
    public void on(CustomerUpdatedEvent event, @Timestamp Instant updatedAt) {
        update(event.customerId(), updatedAt, customer -> customer.set(event.details()));
    }

    @EventHandler
    public void on(CustomerDeletedEvent event) {
        delete(event.customerId());
    }

    @QueryHandler
    public CustomerView handle(FindCustomerQuery query) {
        return find(query.customerId()).toView();
    }

    @QueryHandler
    public PageResult<CustomerView> handle(ListCustomersQuery query) {
        Pageable pageable = pageable(query.page(), query.limit(), sortOf(query.sortBy(), query.sortOrder()));
        Page<CustomerEntity> page = query.search() == null || query.search().isBlank()
                ? rows.findAll(pageable)
                : rows.search(PageParameters.containsPattern(query.search()), pageable);
        return pageResult(page, CustomerEntity::toView, query.page(), query.limit());
    }

    static Sort sortOf(CustomerSortField field, SortOrder order) {
        Sort.Direction direction = order == SortOrder.ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        CustomerSortField sortField = field == null ? CustomerSortField.CREATED_AT : field;
        Sort.Order primary = new Sort.Order(direction, sortField.property());
        return Sort.by(sortField.text() ? primary.ignoreCase() : primary, new Sort.Order(direction, "id"));
    }
}
