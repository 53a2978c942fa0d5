package com.novabilling.command.customer;

import com.novabilling.api.money.CurrencyCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

@Component
public class JdbcCustomerLookup implements CustomerLookup {

    private final JdbcTemplate jdbcTemplate;

    public JdbcCustomerLookup(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public boolean emailTaken(String email, String exceptCustomerId) {
        if (email == null) {
            return false;
        }
        return takenByOther("SELECT customer_id FROM customer_lookup WHERE email = ?",
                email.trim().toLowerCase(Locale.ROOT), exceptCustomerId);
    }

    @Override
    public boolean externalIdTaken(String externalId, String exceptCustomerId) {
        if (externalId == null) {
            return false;
        }
        return takenByOther("SELECT customer_id FROM customer_lookup WHERE external_id = ?", externalId, exceptCustomerId);
    }

    @Override
    public Optional<CustomerFacts> find(String customerId) {
        return jdbcTemplate.query("SELECT customer_id, currency FROM customer_lookup WHERE customer_id = ?",
                        (row, i) -> new CustomerFacts(row.getString(1), CurrencyCode.parse(row.getString(2)).orElse(null)),
                        customerId)
                .stream().findFirst();
    }

    private boolean takenByOther(String ownerQuery, String value, String exceptCustomerId) {
        List<String> owners = jdbcTemplate.queryForList(ownerQuery, String.class, value);
        return owners.stream().anyMatch(owner -> !owner.equals(exceptCustomerId));
    }
}
