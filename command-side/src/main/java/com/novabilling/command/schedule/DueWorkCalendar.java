package com.novabilling.command.schedule;

import java.time.Instant;

/**
 * Where the tenant bound to the thread notes that it has work due at an instant (a subscription's trial or period
 * end), so that the node-wide scheduler runs it then without looking into every tenant's database. Called after the
 * commit that made the work due; an instant later than one already noted changes nothing.
 */
public interface DueWorkCalendar {

    void dueAt(Instant instant);
}
