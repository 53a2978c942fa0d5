package com.novabilling.command.reference;

import com.novabilling.api.error.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The tenant's {@code resource_codes} table: which resource holds which unique {@code code}. Aggregates ask
 * {@link #requireAvailable} before applying an event, for a friendly 409; the {@code lookup-*} processors call
 * {@link #claim} and {@link #release} in the transaction that appends the event, where the table's primary key makes
 * uniqueness hold even when two requests pass the pre-check at the same moment.
 */
@Component
public class ResourceCodes {

    private final JdbcTemplate jdbcTemplate;

    public ResourceCodes(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Whether a resource other than {@code exceptOwnerId} (nullable) of this kind holds the code. */
    public boolean taken(CodeKind kind, String code, String exceptOwnerId) {
        List<String> owners = jdbcTemplate.queryForList(
                "SELECT owner_id FROM resource_codes WHERE kind = ? AND code = ?", String.class, kind.name(), code);
        return owners.stream().anyMatch(owner -> !owner.equals(exceptOwnerId));
    }

    /** @throws ConflictException on field {@code code} when another resource of the kind holds the code */
    public void requireAvailable(CodeKind kind, String code, String exceptOwnerId) {
        if (taken(kind, code, exceptOwnerId)) {
            throw conflict(kind, code);
        }
    }

    /** Records that {@code ownerId} now holds {@code code}, releasing the code it held before. */
    public void claim(CodeKind kind, String code, String ownerId) {
        release(ownerId);
        try {
            jdbcTemplate.update("INSERT INTO resource_codes (kind, code, owner_id) VALUES (?, ?, ?)",
                    kind.name(), code, ownerId);
        } catch (DuplicateKeyException e) {
            throw conflict(kind, code);
        }
    }

    public void release(String ownerId) {
        jdbcTemplate.update("DELETE FROM resource_codes WHERE owner_id = ?", ownerId);
    }

    public static ConflictException conflict(CodeKind kind, String code) {
        String label = kind.label();
        String article = "aeiou".indexOf(label.charAt(0)) >= 0 ? "An " : "A ";
        return new ConflictException("code", article + label + " with code '" + code + "' already exists");
    }
}
