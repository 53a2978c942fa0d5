package com.novabilling.query.addon;

import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnPriceView;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.AddOnView;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.addon.AppliedAddOnStatus;
import com.novabilling.api.addon.AppliedAddOnView;
import com.novabilling.api.addon.FindAddOnQuery;
import com.novabilling.api.addon.FindAppliedAddOnQuery;
import com.novabilling.api.addon.ListAddOnsQuery;
import com.novabilling.api.addon.ListAppliedAddOnsQuery;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.support.ReadModelDatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The add-ons projection (add-ons and their applications): every event, redelivery, reset and its queries, on the
 * real read-model schema.
 */
class AddOnProjectionTest extends ReadModelDatabaseTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Money USD_25 = Money.ofMinor(2500, CurrencyCode.USD);
    private static final Money UGX_50000 = Money.ofMinor(50_000, CurrencyCode.UGX);
    private static final AddOnCreatedEvent SETUP = new AddOnCreatedEvent("add_1", new AddOnDetails("Setup fee", "SETUP", "one-off", "Setup", List.of(USD_25, UGX_50000), Map.of("kind", "fee")));
    private static final AddOnUpdatedEvent SETUP_UPDATED = new AddOnUpdatedEvent("add_1", new AddOnDetails("Setup", "SETUP", null, null, List.of(Money.ofMinor(3000, CurrencyCode.USD)), null));

    private AddOnProjection projection;

    @BeforeEach
    void setUp() {
        projection = new AddOnProjection(repositories.getRepository(AddOnRepository.class),
                repositories.getRepository(AppliedAddOnRepository.class));
        inTransaction(projection::reset);
    }

    private AddOnView find(String id) {
        return projection.handle(new FindAddOnQuery(id));
    }

    private AppliedAddOnView findApplied(String id) {
        return projection.handle(new FindAppliedAddOnQuery(id));
    }

    private static AddOnCreatedEvent addOn(String id, String name, String code) {
        return new AddOnCreatedEvent(id, new AddOnDetails(name, code, null, null, List.of(USD_25), Map.of()));
    }

    private static AddOnAppliedEvent applied(String id, String customerId, String subscriptionId, int quantity) {
        return new AddOnAppliedEvent(id, "add_1", "SETUP", "Setup fee", "Setup", customerId, subscriptionId, quantity,
                USD_25, Money.ofMinor(2500L * quantity, CurrencyCode.USD));
    }

    private List<String> addOnIds(String search) {
        return projection.handle(new ListAddOnsQuery(1, 20, search)).data().stream().map(AddOnView::id).toList();
    }

    private List<String> appliedIds(String customerId, String subscriptionId, AppliedAddOnStatus status) {
        return projection.handle(new ListAppliedAddOnsQuery(1, 20, customerId, subscriptionId, status)).data()
                .stream().map(AppliedAddOnView::id).toList();
    }

    @Test
    void createdEventStoresEveryFieldAndPricesInMajorUnitsAtTheEventTime() {
        inTransaction(() -> projection.on(SETUP, T0));

        assertThat(find("add_1")).isEqualTo(new AddOnView("add_1", "Setup fee", "SETUP", "one-off", "Setup",
                List.of(new AddOnPriceView(CurrencyCode.USD, new BigDecimal("25.00")),
                        new AddOnPriceView(CurrencyCode.UGX, new BigDecimal("50000"))),
                Map.of("kind", "fee"), T0, T0));
    }

    @Test
    void updatedEventReplacesEveryFieldAndThePricesAndKeepsCreationTime() {
        inTransaction(() -> projection.on(SETUP, T0));

        inTransaction(() -> projection.on(SETUP_UPDATED, T1));

        assertThat(find("add_1")).isEqualTo(new AddOnView("add_1", "Setup", "SETUP", null, null,
                List.of(new AddOnPriceView(CurrencyCode.USD, new BigDecimal("30.00"))), Map.of(), T0, T1));
    }

    @Test
    void appliedEventRecordsAPendingApplicationWithThePriceOfTheTime() {
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", "sub_1", 3), T1));

        assertThat(findApplied("apa_1")).isEqualTo(new AppliedAddOnView("apa_1", "add_1", "SETUP", "Setup fee",
                "Setup", "cus_1", "sub_1", 3, CurrencyCode.USD, new BigDecimal("25.00"), new BigDecimal("75.00"),
                AppliedAddOnStatus.PENDING, T1, null, null, null));
    }

    @Test
    void invoicedEventRecordsTheInvoiceAndIsIdempotent() {
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", null, 1), T1));

        inTransaction(() -> projection.on(new AppliedAddOnInvoicedEvent("apa_1", "cus_1", "inv_1"), T2));
        inTransaction(() -> projection.on(new AppliedAddOnInvoicedEvent("apa_1", "cus_1", "inv_1"), T2));

        AppliedAddOnView invoiced = findApplied("apa_1");
        assertThat(invoiced.status()).isEqualTo(AppliedAddOnStatus.INVOICED);
        assertThat(invoiced.invoiceId()).isEqualTo("inv_1");
        assertThat(invoiced.invoicedAt()).isEqualTo(T2);
        assertThat(invoiced.removedAt()).isNull();
    }

    @Test
    void removedEventKeepsTheApplicationAsRemovedHistory() {
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", null, 1), T1));

        inTransaction(() -> projection.on(new AppliedAddOnRemovedEvent("apa_1", "cus_1"), T2));

        AppliedAddOnView removed = findApplied("apa_1");
        assertThat(removed.status()).isEqualTo(AppliedAddOnStatus.REMOVED);
        assertThat(removed.appliedAt()).isEqualTo(T1);
        assertThat(removed.removedAt()).isEqualTo(T2);
    }

    @Test
    void redeliveredEventsChangeNothing() {
        List<Runnable> events = List.of(() -> projection.on(SETUP, T0), () -> projection.on(SETUP_UPDATED, T1),
                () -> projection.on(applied("apa_1", "cus_1", null, 2), T1),
                () -> projection.on(new AppliedAddOnRemovedEvent("apa_1", "cus_1"), T2));

        for (Runnable event : events) {
            inTransaction(event);
            AddOnView addOn = find("add_1");
            List<AppliedAddOnView> applications = projection.handle(
                    new ListAppliedAddOnsQuery(1, 20, null, null, null)).data();
            inTransaction(event);
            assertThat(find("add_1")).isEqualTo(addOn);
            assertThat(projection.handle(new ListAppliedAddOnsQuery(1, 20, null, null, null)).data())
                    .isEqualTo(applications);
        }
        assertThat(addOnIds(null)).containsExactly("add_1");
        assertThat(appliedIds(null, null, null)).containsExactly("apa_1");
    }

    @Test
    void changesToRowsNotInTheReadModelFailLoudly() {
        assertThatThrownBy(() -> projection.on(SETUP_UPDATED, T1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("Add-on add_1 changed but is not in the read model");
        assertThatThrownBy(() -> projection.on(new AppliedAddOnRemovedEvent("apa_x", "cus_1"), T1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Applied add-on apa_x was removed but is not in the read model");
    }

    @Test
    void deletedEventRemovesTheAddOnAndKeepsItsApplications() {
        inTransaction(() -> projection.on(SETUP, T0));
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", null, 1), T1));

        inTransaction(() -> projection.on(new AddOnDeletedEvent("add_1", "SETUP")));
        inTransaction(() -> projection.on(new AddOnDeletedEvent("add_1", "SETUP")));

        assertThatThrownBy(() -> find("add_1")).isInstanceOf(NotFoundException.class)
                .hasMessage("Add-on with id 'add_1' not found");
        assertThat(findApplied("apa_1").addOnId()).isEqualTo("add_1");
    }

    @Test
    void unknownApplicationIsNotFound() {
        assertThatThrownBy(() -> findApplied("apa_missing")).isInstanceOf(NotFoundException.class)
                .hasMessage("Applied add-on with id 'apa_missing' not found");
    }

    @Test
    void resetEmptiesBothTables() {
        inTransaction(() -> projection.on(SETUP, T0));
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", null, 1), T1));

        inTransaction(projection::reset);

        assertThat(addOnIds(null)).isEmpty();
        assertThat(appliedIds(null, null, null)).isEmpty();
    }

    @Test
    void listsAddOnsNewestFirstBySearchAndPaged() {
        inTransaction(() -> projection.on(addOn("add_1", "Setup fee", "SETUP"), T0));
        inTransaction(() -> projection.on(addOn("add_2", "Priority support", "SUPPORT_24"), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(addOn("add_3", "Onboarding 100%", "ONBOARD"), T0.plusSeconds(2)));

        assertThat(addOnIds(null)).containsExactly("add_3", "add_2", "add_1");
        assertThat(addOnIds("SUP")).containsExactly("add_2");
        assertThat(addOnIds("t_2")).containsExactly("add_2");
        assertThat(addOnIds("p_f")).isEmpty();
        assertThat(addOnIds("0%")).containsExactly("add_3");

        PageResult<AddOnView> second = projection.handle(new ListAddOnsQuery(2, 2, null));
        assertThat(second.data()).extracting(AddOnView::id).containsExactly("add_1");
        assertThat(second.meta()).isEqualTo(new PageMeta(3, 2, 2, 2));
    }

    @Test
    void listsApplicationsNewestFirstByCustomerSubscriptionAndStatusAndPaged() {
        inTransaction(() -> projection.on(applied("apa_1", "cus_1", "sub_1", 1), T0));
        inTransaction(() -> projection.on(applied("apa_2", "cus_2", null, 1), T0.plusSeconds(1)));
        inTransaction(() -> projection.on(applied("apa_3", "cus_1", null, 1), T0.plusSeconds(2)));
        inTransaction(() -> projection.on(new AppliedAddOnRemovedEvent("apa_3", "cus_1"), T0.plusSeconds(3)));

        assertThat(appliedIds(null, null, null)).containsExactly("apa_3", "apa_2", "apa_1");
        assertThat(appliedIds("cus_1", null, null)).containsExactly("apa_3", "apa_1");
        assertThat(appliedIds(null, "sub_1", null)).containsExactly("apa_1");
        assertThat(appliedIds("cus_1", null, AppliedAddOnStatus.PENDING)).containsExactly("apa_1");
        assertThat(appliedIds(null, null, AppliedAddOnStatus.REMOVED)).containsExactly("apa_3");
        assertThat(appliedIds(null, null, AppliedAddOnStatus.INVOICED)).isEmpty();

        PageResult<AppliedAddOnView> second = projection.handle(new ListAppliedAddOnsQuery(2, 2, null, null, null));
        assertThat(second.data()).extracting(AppliedAddOnView::id).containsExactly("apa_1");
        assertThat(second.meta()).isEqualTo(new PageMeta(3, 2, 2, 2));
    }
}
