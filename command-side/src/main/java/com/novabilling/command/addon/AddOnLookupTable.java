package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.AppliedAddOnInvoicedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The tenant's {@code addon_lookup}, {@code addon_price_lookup}, the add-ons' codes and {@code pending_addon_lookup}
 * (applied add-ons that still wait for an invoice, with what the invoice bills of them), kept in the transaction that appends each add-on and applied
 * add-on event. Every statement is an upsert or a delete, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup("lookup-add-on")
public class AddOnLookupTable implements AddOnLookup {

    private static final String UPSERT_ADD_ON = """
            INSERT INTO addon_lookup (addon_id, code, name, invoice_display_name) VALUES (?, ?, ?, ?)
            ON CONFLICT (addon_id) DO UPDATE
            SET code = EXCLUDED.code, name = EXCLUDED.name, invoice_display_name = EXCLUDED.invoice_display_name
            """;
    private static final String INSERT_PRICE =
            "INSERT INTO addon_price_lookup (addon_id, currency, amount_minor, position) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public AddOnLookupTable(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(AddOnCreatedEvent event) {
        write(event.addOnId(), event.details());
    }

    @EventHandler
    public void on(AddOnUpdatedEvent event) {
        write(event.addOnId(), event.details());
    }

    @EventHandler
    public void on(AddOnDeletedEvent event) {
        codes.release(event.addOnId());
        jdbcTemplate.update("DELETE FROM addon_lookup WHERE addon_id = ?", event.addOnId());
    }

    @EventHandler
    public void on(AddOnAppliedEvent event, @Timestamp Instant appliedAt) {
        jdbcTemplate.update("""
                INSERT INTO pending_addon_lookup (applied_addon_id, customer_id, subscription_id, name, quantity,
                                                  currency, unit_amount_minor, amount_minor, applied_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (applied_addon_id) DO NOTHING
                """, event.appliedAddOnId(), event.customerId(), event.subscriptionId(),
                event.invoiceDisplayName() != null ? event.invoiceDisplayName() : event.name(), event.quantity(),
                event.unitAmount().currency().name(), event.unitAmount().minor(), event.amount().minor(),
                java.sql.Timestamp.from(appliedAt));
    }

    @EventHandler
    public void on(AppliedAddOnRemovedEvent event) {
        jdbcTemplate.update("DELETE FROM pending_addon_lookup WHERE applied_addon_id = ?", event.appliedAddOnId());
    }

    @EventHandler
    public void on(AppliedAddOnInvoicedEvent event) {
        jdbcTemplate.update("DELETE FROM pending_addon_lookup WHERE applied_addon_id = ?", event.appliedAddOnId());
    }

    @Override
    public Optional<AddOnFacts> find(String addOnId) {
        return jdbcTemplate.query("SELECT code, name, invoice_display_name FROM addon_lookup WHERE addon_id = ?",
                        (row, i) -> new AddOnFacts(addOnId, row.getString(1), row.getString(2), row.getString(3),
                                prices(addOnId)),
                        addOnId)
                .stream().findFirst();
    }

    /** Ids of the customer's applied add-ons still waiting for an invoice, sorted. */
    public List<String> pendingApplicationsOf(String customerId) {
        return jdbcTemplate.queryForList(
                "SELECT applied_addon_id FROM pending_addon_lookup WHERE customer_id = ? ORDER BY applied_addon_id",
                String.class, customerId);
    }

    /**
     * The customer's applied add-ons in {@code currency} still waiting for an invoice, for the invoice of
     * {@code subscriptionId}: those applied to that subscription and those applied to no subscription, oldest first
     * (docs/billing-rules.md §13.1). Inside a transaction the rows are locked until it ends ({@code FOR UPDATE}), so a
     * concurrent removal waits and then fails on the aggregate's sequence, and two invoices never bill one add-on.
     */
    public List<PendingAddOnFacts> pendingAddOnsOf(String customerId, String subscriptionId, CurrencyCode currency) {
        return jdbcTemplate.query("""
                        SELECT applied_addon_id, name, quantity, unit_amount_minor, amount_minor
                        FROM pending_addon_lookup
                        WHERE customer_id = ? AND currency = ? AND (subscription_id IS NULL OR subscription_id = ?)
                        ORDER BY applied_at, applied_addon_id
                        FOR UPDATE
                        """,
                (row, i) -> new PendingAddOnFacts(row.getString(1), row.getString(2), row.getInt(3),
                        Money.ofMinor(row.getLong(4), currency), Money.ofMinor(row.getLong(5), currency)),
                customerId, currency.name(), subscriptionId);
    }

    /** A pending applied add-on as captured when applied; {@code name} is the invoice display name, else the name. */
    public record PendingAddOnFacts(String appliedAddOnId, String name, int quantity, Money unitAmount, Money amount) {
    }

    private List<Money> prices(String addOnId) {
        return jdbcTemplate.query(
                "SELECT currency, amount_minor FROM addon_price_lookup WHERE addon_id = ? ORDER BY position",
                (row, i) -> Money.ofMinor(row.getLong(2), CurrencyCode.valueOf(row.getString(1))), addOnId);
    }

    private void write(String addOnId, AddOnDetails addOn) {
        codes.claim(CodeKind.ADD_ON, addOn.code(), addOnId);
        jdbcTemplate.update(UPSERT_ADD_ON, addOnId, addOn.code(), addOn.name(), addOn.invoiceDisplayName());
        jdbcTemplate.update("DELETE FROM addon_price_lookup WHERE addon_id = ?", addOnId);
        for (int position = 0; position < addOn.prices().size(); position++) {
            Money price = addOn.prices().get(position);
            jdbcTemplate.update(INSERT_PRICE, addOnId, price.currency().name(), price.minor(), position);
        }
    }
}
