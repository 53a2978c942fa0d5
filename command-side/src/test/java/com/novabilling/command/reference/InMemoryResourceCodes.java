package com.novabilling.command.reference;

import java.util.HashMap;
import java.util.Map;

/** {@link ResourceCodes} without a database, for aggregate fixtures: kind + code → owner id. */
public class InMemoryResourceCodes implements ResourceCodes {

    private final Map<String, String> owners = new HashMap<>();

    public InMemoryResourceCodes with(CodeKind kind, String code, String ownerId) {
        owners.put(kind + "/" + code, ownerId);
        return this;
    }

    @Override
    public boolean taken(CodeKind kind, String code, String exceptOwnerId) {
        String owner = owners.get(kind + "/" + code);
        return owner != null && !owner.equals(exceptOwnerId);
    }

    @Override
    public void claim(CodeKind kind, String code, String ownerId) {
        release(ownerId);
        owners.put(kind + "/" + code, ownerId);
    }

    @Override
    public void release(String ownerId) {
        owners.values().removeIf(ownerId::equals);
    }
}
