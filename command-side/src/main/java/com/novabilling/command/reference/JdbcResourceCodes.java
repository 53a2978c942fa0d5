package com.novabilling.command.reference;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/** {@link ResourceCodes} in the tenant's {@code resource_codes} table, whose primary key is (kind, code). */
@Component
public class JdbcResourceCodes implements ResourceCodes {

    private final JdbcTemplate jdbcTemplate;

    public JdbcResourceCodes(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @Override
    public boolean taken(CodeKind kind, String code, String exceptOwnerId) {
        List<String> owners = jdbcTemplate.queryForList(
                "SELECT owner_id FROM resource_codes WHERE kind = ? AND code = ?", String.class, kind.name(), code);
        return owners.stream().anyMatch(owner -> !owner.equals(exceptOwnerId));
    }

    @Override
    public void claim(CodeKind kind, String code, String ownerId) {
        release(ownerId);
        try {
            jdbcTemplate.update("INSERT INTO resource_codes (kind, code, owner_id) VALUES (?, ?, ?)",
                    kind.name(), code, ownerId);
        } catch (DuplicateKeyException e) {
            throw ResourceCodes.conflict(kind, code);
        }
    }

    @Override
    public void release(String ownerId) {
        jdbcTemplate.update("DELETE FROM resource_codes WHERE owner_id = ?", ownerId);
    }
}
