package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.CustomerView;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerProjectionTest {

    private static final String ID = "cus_0123456789abcdef01234567";
    private static final Instant CREATED = Instant.parse("2026-01-05T10:00:00Z");
    private static final Instant UPDATED = Instant.parse("2026-02-01T08:30:00Z");
    private static final CustomerCreatedEvent CREATED_EVENT = new CustomerCreatedEvent(ID, new CustomerDetails("usr_12345", "John Doe", "john@example.com", "NG", "NGN", null, null, null, Map.of("plan", "enterprise")));

    private final InMemoryCustomerRepository store = new InMemoryCustomerRepository();
    private final CustomerProjection projection = new CustomerProjection(store.repository);

    private CustomerView view() {
        return store.rows.get(ID).toView();
    }

    @Test
    void createdEventInsertsCustomerWithEventTime() {
        projection.on(CREATED_EVENT, CREATED);

        assertThat(view()).isEqualTo(new CustomerView(ID, new CustomerDetails("usr_12345", "John Doe", "john@example.com", "NG", "NGN", null, null, null, Map.of("plan", "enterprise")), CREATED, CREATED));
    }

    @Test
    void redeliveredCreatedEventLeavesOneIdenticalRow() {
        projection.on(CREATED_EVENT, CREATED);
        CustomerView first = view();

        projection.on(CREATED_EVENT, CREATED);

        assertThat(store.rows).hasSize(1);
        assertThat(view()).isEqualTo(first);
    }

    @Test
    void updatedEventOverwritesDetailsAndKeepsCreationTime() {
        projection.on(CREATED_EVENT, CREATED);

        projection.on(new CustomerUpdatedEvent(ID, new CustomerDetails("usr_12345", "John A. Doe", "john@example.com", "NG", "NGN", null, null, null, Map.of("notes", "VIP customer"))), UPDATED);

        assertThat(view()).isEqualTo(new CustomerView(ID, new CustomerDetails("usr_12345", "John A. Doe", "john@example.com", "NG", "NGN", null, null, null, Map.of("notes", "VIP customer")), CREATED, UPDATED));
    }

    @Test
    void billingTermsAreStoredAndAnsweredInCanonicalForm() {
        projection.on(new CustomerCreatedEvent(ID, new CustomerDetails(null, "John Doe", "john@example.com", null, null, 30, new BigDecimal("16"), "VAT", Map.of())), CREATED);
        assertThat(view().details().netPaymentTerms()).isEqualTo(30);
        assertThat(view().details().taxRate()).isEqualTo(new BigDecimal("16"));
        assertThat(view().details().taxName()).isEqualTo("VAT");

        projection.on(new CustomerUpdatedEvent(ID, new CustomerDetails(null, "John Doe", "john@example.com", null, null, null, BigDecimal.ZERO, null, Map.of())), UPDATED);
        assertThat(view().details().netPaymentTerms()).isNull();
        assertThat(view().details().taxRate()).isEqualTo(BigDecimal.ZERO);
        assertThat(view().details().taxName()).isNull();
    }

    @Test
    void updateOfUnknownCustomerFailsLoudly() {
        CustomerUpdatedEvent update = new CustomerUpdatedEvent(ID, new CustomerDetails(null, "X", "x@example.com", null, null, null, null, null, Map.of()));

        assertThatThrownBy(() -> projection.on(update, UPDATED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void deletedEventRemovesCustomerAndMayBeRedelivered() {
        projection.on(CREATED_EVENT, CREATED);

        projection.on(new CustomerDeletedEvent(ID));
        projection.on(new CustomerDeletedEvent(ID));

        assertThat(store.rows).isEmpty();
    }

    @Test
    void resetEmptiesTheReadModel() {
        projection.on(CREATED_EVENT, CREATED);

        projection.reset();

        assertThat(store.rows).isEmpty();
    }
}
