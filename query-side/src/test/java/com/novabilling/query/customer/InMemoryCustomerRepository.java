package com.novabilling.query.customer;

import org.springframework.test.util.ReflectionTestUtils;

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
            rows.put((String) ReflectionTestUtils.getField(entity, "id"), entity);
            return entity;
        });
        doAnswer(call -> rows.remove(call.<String>getArgument(0))).when(repository).deleteById(any());
        doAnswer(call -> {
            rows.clear();
            return null;
        }).when(repository).deleteAllInBatch();
    }
}
