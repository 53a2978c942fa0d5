package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerSortField;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.SortOrder;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The customers projection's query handlers over a mocked repository. */
class CustomerQueriesTest {

    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final CustomerRepository repository = mock(CustomerRepository.class);
    private final CustomerProjection handler = new CustomerProjection(repository);

    private static CustomerEntity customer(String id, String name) {
        return InMemoryCustomerRepository.rowOf(
                new CustomerCreatedEvent(id, new CustomerDetails(null, name, name.toLowerCase() + "@example.com", null, null, null, null, null, Map.of())), NOW);
    }

    @Test
    void findsCustomerById() {
        CustomerEntity jane = customer("cus_1", "Jane");
        when(repository.findById("cus_1")).thenReturn(Optional.of(jane));

        CustomerView view = handler.handle(new FindCustomerQuery("cus_1"));

        assertThat(view.id()).isEqualTo("cus_1");
        assertThat(view.details().email()).isEqualTo("jane@example.com");
    }

    @Test
    void unknownCustomerIsNotFound() {
        when(repository.findById("cus_missing")).thenReturn(Optional.empty());

        assertThatThrownBy(() -> handler.handle(new FindCustomerQuery("cus_missing")))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("Customer with id 'cus_missing' not found");
    }

    @Test
    void listTranslatesOneBasedPageAndComputesMeta() {
        ArgumentCaptor<Pageable> pageable = ArgumentCaptor.forClass(Pageable.class);
        when(repository.findAll(pageable.capture())).thenAnswer(call -> new PageImpl<>(
                List.of(customer("cus_3", "C")), call.getArgument(0), 41));

        PageResult<CustomerView> result =
                handler.handle(new ListCustomersQuery(3, 20, null, CustomerSortField.CREATED_AT, SortOrder.DESC));

        assertThat(pageable.getValue().getPageNumber()).isEqualTo(2);
        assertThat(pageable.getValue().getPageSize()).isEqualTo(20);
        assertThat(result.data()).extracting(CustomerView::id).containsExactly("cus_3");
        assertThat(result.meta()).isEqualTo(new PageMeta(41, 3, 20, 3));
        verify(repository, never()).search(any(), any());
    }

    @Test
    void searchUsesEscapedLowerCaseContainsPattern() {
        when(repository.search(eq("%jane!_50!%%"), any())).thenAnswer(call -> new PageImpl<>(
                List.of(customer("cus_1", "Jane_50%")), call.getArgument(1), 1));

        PageResult<CustomerView> result =
                handler.handle(new ListCustomersQuery(1, 10, " Jane_50% ", CustomerSortField.NAME, SortOrder.ASC));

        assertThat(result.data()).extracting(view -> view.details().name()).containsExactly("Jane_50%");
        assertThat(result.meta()).isEqualTo(new PageMeta(1, 1, 10, 1));
    }

    @Test
    void textFieldsSortIgnoringCaseWithIdAsTieBreaker() {
        assertThat(CustomerProjection.sortOf(CustomerSortField.NAME, SortOrder.ASC))
                .containsExactly(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"));
        assertThat(CustomerProjection.sortOf(CustomerSortField.EXTERNAL_ID, SortOrder.DESC))
                .containsExactly(Sort.Order.desc("externalId").ignoreCase(), Sort.Order.desc("id"));
    }

    @Test
    void timestampsSortAsIsAndCreatedAtDescendingIsTheDefault() {
        assertThat(CustomerProjection.sortOf(CustomerSortField.UPDATED_AT, SortOrder.ASC))
                .containsExactly(Sort.Order.asc("updatedAt"), Sort.Order.asc("id"));
        assertThat(CustomerProjection.sortOf(null, null))
                .containsExactly(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));
    }
}
