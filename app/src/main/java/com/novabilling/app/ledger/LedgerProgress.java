package com.novabilling.app.ledger;

/**
 * What {@link LedgerVerifier} tells as it goes: each step it begins, and how far a pass over the event store has
 * read. The synchronous {@code GET /admin/ledger/verify} passes {@link #NONE}; a verification run
 * ({@link LedgerVerifications}) records it, throttled ({@link ThrottledLedgerProgress}).
 */
public interface LedgerProgress {

    /** Tells nothing. */
    LedgerProgress NONE = new LedgerProgress() {
        @Override
        public void step(String step, int done, int total) {
        }

        @Override
        public void events(long position, long head) {
        }
    };

    /** Step {@code step} begins; {@code done} of {@code total} steps are finished. */
    void step(String step, int done, int total);

    /**
     * The current step's pass over the event store has read every event up to {@code position} (the store's global
     * positions, from 1) of {@code head} (the last position at the start of the verification). Told first with
     * position 0, then for every event read: an implementation that writes it somewhere throttles.
     */
    void events(long position, long head);
}
