package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerCreatedEvent;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** A CustomerRepository mock whose findById/save/deleteById/deleteAllInBatch work on a map. */
final class InMemoryCustomerRepository {

    final Map<String, CustomerEntity> rows = new LinkedHashMap<>();
    final CustomerRepository repository = mock(CustomerRepository.class);

    InMemoryCustomerRepository() {
        when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
        when(repository.save(any())).thenAnswer(call -> {
            CustomerEntity entity = call.getArgument(0);
            rows.put(entity.id(), entity);
            return entity;
        });
        doAnswer(call -> rows.remove(call.<String>getArgument(0))).when(repository).deleteById(any());
        doAnswer(call -> {
            rows.clear();
            return null;
        }).when(repository).deleteAllInBatch();
    }

    /** The row the projection makes of a creating event, as a query handler would read it. */
    static CustomerEntity rowOf(CustomerCreatedEvent event, Instant at) {
        InMemoryCustomerRepository store = new InMemoryCustomerRepository();
        new CustomerProjection(store.repository).on(event, at);
        return store.rows.get(event.customerId());
    }
}
