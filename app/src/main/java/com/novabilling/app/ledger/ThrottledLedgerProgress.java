package com.novabilling.app.ledger;

/**
 * Passes every step on, but of a pass over the event store only its start, every {@code every} positions and its
 * end (the head): a verification run writes its progress to the tenant's database, not once per event.
 */
final class ThrottledLedgerProgress implements LedgerProgress {

    private final LedgerProgress target;
    private final long every;
    /** The position last passed on in the current step; −1: none yet. */
    private long passedOn = -1;

    ThrottledLedgerProgress(LedgerProgress target, long every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be at least 1");
        }
        this.target = target;
        this.every = every;
    }

    @Override
    public void step(String step, int done, int total) {
        passedOn = -1;
        target.step(step, done, total);
    }

    @Override
    public void events(long position, long head) {
        if (passedOn < 0 || position >= head || position - passedOn >= every) {
            passedOn = Math.max(position, 0);
            target.events(position, head);
        }
    }
}
