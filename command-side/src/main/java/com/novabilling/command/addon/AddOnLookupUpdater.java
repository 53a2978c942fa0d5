package com.novabilling.command.addon;

import com.novabilling.api.addon.AddOnAppliedEvent;
import com.novabilling.api.addon.AddOnCreatedEvent;
import com.novabilling.api.addon.AddOnDeletedEvent;
import com.novabilling.api.addon.AddOnUpdatedEvent;
import com.novabilling.api.addon.AppliedAddOnRemovedEvent;
import com.novabilling.api.money.Money;
import com.novabilling.command.reference.CodeKind;
import com.novabilling.command.reference.ResourceCodes;
import com.novabilling.command.reference.SameTransaction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code addon_lookup}, {@code addon_price_lookup}, the add-ons' codes and {@code pending_addon_lookup} in step
 * with the add-on and applied add-on events, in the transaction that appends them ({@link SameTransaction}). Every statement is an upsert or a delete, so a redelivered event changes nothing.
 */
@Component
@SameTransaction
@ProcessingGroup(AddOnLookupUpdater.PROCESSING_GROUP)
public class AddOnLookupUpdater {

    public static final String PROCESSING_GROUP = "lookup-add-on";

    private static final String UPSERT_ADD_ON = """
            INSERT INTO addon_lookup (addon_id, code, name, invoice_display_name) VALUES (?, ?, ?, ?)
            ON CONFLICT (addon_id) DO UPDATE
            SET code = EXCLUDED.code, name = EXCLUDED.name, invoice_display_name = EXCLUDED.invoice_display_name
            """;
    private static final String INSERT_PRICE =
            "INSERT INTO addon_price_lookup (addon_id, currency, amount_minor, position) VALUES (?, ?, ?, ?)";

    private final JdbcTemplate jdbcTemplate;
    private final ResourceCodes codes;

    public AddOnLookupUpdater(JdbcTemplate jdbcTemplate, ResourceCodes codes) {
        this.jdbcTemplate = jdbcTemplate;
        this.codes = codes;
    }

    @EventHandler
    public void on(AddOnCreatedEvent event) {
        write(event.addOnId(), event.code(), event.name(), event.invoiceDisplayName(), event.prices());
    }

    @EventHandler
    public void on(AddOnUpdatedEvent event) {
        write(event.addOnId(), event.code(), event.name(), event.invoiceDisplayName(), event.prices());
    }

    @EventHandler
    public void on(AddOnDeletedEvent event) {
        codes.release(event.addOnId());
        jdbcTemplate.update("DELETE FROM addon_lookup WHERE addon_id = ?", event.addOnId());
    }

    @EventHandler
    public void on(AddOnAppliedEvent event) {
        jdbcTemplate.update("""
                INSERT INTO pending_addon_lookup (applied_addon_id, customer_id) VALUES (?, ?)
                ON CONFLICT (applied_addon_id) DO NOTHING
                """, event.appliedAddOnId(), event.customerId());
    }

    @EventHandler
    public void on(AppliedAddOnRemovedEvent event) {
        jdbcTemplate.update("DELETE FROM pending_addon_lookup WHERE applied_addon_id = ?", event.appliedAddOnId());
    }

    private void write(String addOnId, String code, String name, String invoiceDisplayName, List<Money> prices) {
        codes.claim(CodeKind.ADD_ON, code, addOnId);
        jdbcTemplate.update(UPSERT_ADD_ON, addOnId, code, name, invoiceDisplayName);
        jdbcTemplate.update("DELETE FROM addon_price_lookup WHERE addon_id = ?", addOnId);
        for (int position = 0; position < prices.size(); position++) {
            Money price = prices.get(position);
            jdbcTemplate.update(INSERT_PRICE, addOnId, price.currency().name(), price.minor(), position);
        }
    }
}
