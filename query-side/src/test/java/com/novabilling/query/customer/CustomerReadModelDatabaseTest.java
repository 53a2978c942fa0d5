package com.novabilling.query.customer;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerSortField;
import com.novabilling.api.customer.CustomerUpdatedEvent;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.customer.ListCustomersQuery;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import com.novabilling.api.query.SortOrder;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Projection and query handler on the real read-model schema in PostgreSQL. */
class CustomerReadModelDatabaseTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private CustomerProjection projection;

    @BeforeEach
    void setUp() {
        CustomerRepository repository = repositories.getRepository(CustomerRepository.class);
        projection = new CustomerProjection(repository);
        inTransaction(projection::reset);
    }

    private void create(String id, String externalId, String name, String email, Instant at) {
        inTransaction(() -> projection.on(
                new CustomerCreatedEvent(id, new CustomerDetails(externalId, name, email, null, null, null, null, null, Map.of())), at));
    }

    private List<String> ids(PageResult<CustomerView> page) {
        return page.data().stream().map(CustomerView::id).toList();
    }

    private PageResult<CustomerView> list(int page, int limit, String search, CustomerSortField sortBy, SortOrder order) {
        return projection.handle(new ListCustomersQuery(page, limit, search, sortBy, order));
    }

    @Test
    void storesAndReadsBackEveryField() {
        Map<String, Object> metadata = new HashMap<>();
        metadata.put("plan", "enterprise");
        metadata.put("seats", 12);
        metadata.put("tags", List.of("vip", "beta"));
        metadata.put("cleared", null);
        inTransaction(() -> projection.on(new CustomerCreatedEvent("cus_1", new CustomerDetails("usr_12345", "John Doe", "john@example.com", "NG", "NGN", null, null, null, metadata)), T0));
        Instant later = T0.plusSeconds(90);
        inTransaction(() -> projection.on(new CustomerUpdatedEvent("cus_1", new CustomerDetails("usr_12345", "John A. Doe", "john@example.com", "NG", "NGN", 30, new BigDecimal("7.5"), "VAT", metadata)), later));

        assertThat(projection.handle(new FindCustomerQuery("cus_1"))).isEqualTo(new CustomerView("cus_1", new CustomerDetails("usr_12345", "John A. Doe", "john@example.com", "NG", "NGN", 30, new BigDecimal("7.5"), "VAT", metadata), T0, later));
    }

    @Test
    void searchIsCaseInsensitiveOverNameEmailAndExternalId() {
        create("cus_1", null, "Jane Smith", "jane@example.com", T0);
        create("cus_2", "JANE-EXT", "Other", "other@example.com", T0.plusSeconds(1));
        create("cus_3", null, "Bob", "bob@JaneCorp.com", T0.plusSeconds(2));
        create("cus_4", null, "Carol", "carol@example.com", T0.plusSeconds(3));

        PageResult<CustomerView> page = list(1, 20, "jAnE", CustomerSortField.CREATED_AT, SortOrder.ASC);

        assertThat(ids(page)).containsExactly("cus_1", "cus_2", "cus_3");
        assertThat(page.meta()).isEqualTo(new PageMeta(3, 1, 20, 1));
    }

    @Test
    void searchTreatsLikeWildcardsLiterally() {
        create("cus_1", null, "50% off", "a@example.com", T0);
        create("cus_2", null, "5000 off", "b@example.com", T0.plusSeconds(1));
        create("cus_3", null, "a_b", "c@example.com", T0.plusSeconds(2));
        create("cus_4", null, "axb", "d@example.com", T0.plusSeconds(3));

        assertThat(ids(list(1, 20, "50%", null, SortOrder.ASC))).containsExactly("cus_1");
        assertThat(ids(list(1, 20, "a_b", null, SortOrder.ASC))).containsExactly("cus_3");
    }

    @Test
    void sortsNamesIgnoringCaseAndPages() {
        create("cus_1", null, "bob", "1@example.com", T0);
        create("cus_2", null, "Alice", "2@example.com", T0.plusSeconds(1));
        create("cus_3", null, "carol", "3@example.com", T0.plusSeconds(2));

        PageResult<CustomerView> first = list(1, 2, null, CustomerSortField.NAME, SortOrder.ASC);
        PageResult<CustomerView> second = list(2, 2, null, CustomerSortField.NAME, SortOrder.ASC);

        assertThat(ids(first)).containsExactly("cus_2", "cus_1");
        assertThat(ids(second)).containsExactly("cus_3");
        assertThat(second.meta()).isEqualTo(new PageMeta(3, 2, 2, 2));
    }

    @Test
    void newestFirstByDefault() {
        create("cus_1", null, "A", "1@example.com", T0);
        create("cus_2", null, "B", "2@example.com", T0.plusSeconds(1));

        assertThat(ids(list(1, 20, null, CustomerSortField.CREATED_AT, SortOrder.DESC))).containsExactly("cus_2", "cus_1");
    }
}
