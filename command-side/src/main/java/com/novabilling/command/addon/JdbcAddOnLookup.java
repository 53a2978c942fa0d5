package com.novabilling.command.addon;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
public class JdbcAddOnLookup implements AddOnLookup, PendingAddOnLookup {

    private final JdbcTemplate jdbcTemplate;

    public JdbcAddOnLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public Optional<AddOnFacts> find(String addOnId) {
        return jdbcTemplate.query("SELECT code, name, invoice_display_name FROM addon_lookup WHERE addon_id = ?",
                        (row, i) -> new AddOnFacts(addOnId, row.getString(1), row.getString(2), row.getString(3),
                                prices(addOnId)),
                        addOnId)
                .stream().findFirst();
    }

    @Override
    public List<String> pendingApplicationsOf(String customerId) {
        return jdbcTemplate.queryForList(
                "SELECT applied_addon_id FROM pending_addon_lookup WHERE customer_id = ? ORDER BY applied_addon_id",
                String.class, customerId);
    }

    private List<Money> prices(String addOnId) {
        return jdbcTemplate.query(
                "SELECT currency, amount_minor FROM addon_price_lookup WHERE addon_id = ? ORDER BY position",
                (row, i) -> Money.ofMinor(row.getLong(2), CurrencyCode.valueOf(row.getString(1))), addOnId);
    }
}
