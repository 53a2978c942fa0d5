package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Controller methods called directly, through a real local query bus, to prove the gateway wiring. No HTTP. */
class CustomerQueryControllerTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final CustomerRepository repository = mock(CustomerRepository.class);
    private CustomerQueryController controller;

    @BeforeEach
    void setUp() {
        SimpleQueryBus queryBus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(new CustomerProjection(repository)).subscribe(queryBus);
        controller = new CustomerQueryController(DefaultQueryGateway.builder().queryBus(queryBus).build());
    }

    private static CustomerEntity jane() {
        return InMemoryCustomerRepository.rowOf(
                new CustomerCreatedEvent("cus_1", new CustomerDetails("cust_123", "Jane", "jane@example.com", "US", "USD", null, null, null, Map.of())), NOW);
    }

    @Test
    void getReturnsTheViewItself() {
        CustomerEntity jane = jane();
        when(repository.findById("cus_1")).thenReturn(Optional.of(jane));

        assertThat(controller.get("cus_1")).isEqualTo(jane().toView());
    }

    @Test
    void getOfUnknownCustomerThrowsNotFoundUnwrapped() {
        when(repository.findById(any())).thenReturn(Optional.empty());

        assertThatThrownBy(() -> controller.get("cus_missing")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void listReturnsPageResultAndAcceptsSnakeCaseSortField() {
        when(repository.findAll(any(Pageable.class))).thenAnswer(call -> {
            Pageable pageable = call.getArgument(0);
            assertThat(pageable.getSort()).containsExactly(Sort.Order.asc("createdAt"), Sort.Order.asc("id"));
            return new PageImpl<>(List.of(jane()), pageable, 1);
        });

        PageResult<CustomerView> result = controller.list("1", "20", "", "created_at", "ASC");

        assertThat(result.data()).containsExactly(jane().toView());
        assertThat(result.meta()).isEqualTo(new PageMeta(1, 1, 20, 1));
    }

    @Test
    void unknownSortFieldIsRejectedNamingSortBy() {
        assertThatThrownBy(() -> controller.list(null, null, null, "country", null))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).singleElement().satisfies(error -> {
                        assertThat(error.field()).isEqualTo("sortBy");
                        assertThat(error.message()).contains("createdAt", "externalId");
                    });
                });
    }
}
