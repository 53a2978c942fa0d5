package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerSortField;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.SortOrder;
import com.novabilling.query.paging.PageParameters;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;


@Component
public class CustomerQueryHandler {

    private final CustomerRepository repository;

    public CustomerQueryHandler(CustomerRepository repository) {
        this.repository = repository;
    }

    @QueryHandler
    public CustomerView handle(FindCustomerQuery query) {
        return repository.findById(query.customerId())
                .map(CustomerEntity::toView)
                .orElseThrow(() -> new NotFoundException("Customer", query.customerId()));
    }

    @QueryHandler
    public PageResult<CustomerView> handle(ListCustomersQuery query) {
        Pageable pageable = PageRequest.of(query.page() - 1, query.limit(), sortOf(query.sortBy(), query.sortOrder()));
        Page<CustomerEntity> page = query.search() == null || query.search().isBlank()
                ? repository.findAll(pageable)
                : repository.search(PageParameters.containsPattern(query.search()), pageable);
        return PageResult.of(page.map(CustomerEntity::toView).getContent(), page.getTotalElements(),
                query.page(), query.limit());
    }

    static Sort sortOf(CustomerSortField field, SortOrder order) {
        Sort.Direction direction = order == SortOrder.ASC ? Sort.Direction.ASC : Sort.Direction.DESC;
        CustomerSortField sortField = field == null ? CustomerSortField.CREATED_AT : field;
        Sort.Order primary = new Sort.Order(direction, sortField.property());
        if (isText(sortField)) {
            primary = primary.ignoreCase();
        }
        return Sort.by(primary, new Sort.Order(direction, "id"));
    }

    private static boolean isText(CustomerSortField field) {
        return field == CustomerSortField.NAME || field == CustomerSortField.EMAIL || field == CustomerSortField.EXTERNAL_ID;
    }
}
