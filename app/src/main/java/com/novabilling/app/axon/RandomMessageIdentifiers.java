package com.novabilling.app.axon;

import org.axonframework.common.IdentifierFactory;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Axon's identifier for every message (command, event, query, and each handler's result message): a version-4 UUID
 * like {@link UUID#randomUUID()}, but drawn from {@link ThreadLocalRandom} instead of the shared {@code SecureRandom}.
 * An identifier only has to be unique, never unguessable, and a write request creates several of them. Chosen by
 * Axon through {@code META-INF/services/org.axonframework.common.IdentifierFactory}.
 */
public final class RandomMessageIdentifiers extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;                       // version 4
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L; // IETF variant
        return new UUID(high, low).toString();
    }
}
