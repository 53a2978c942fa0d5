package com.novabilling.command.plan;

final class PlanRequestRules {

    /** Two years: longer trials are almost certainly a unit mistake (hours or minutes sent as days). */
    static final long MAX_TRIAL_DAYS = 730;

    private PlanRequestRules() {
    }
}
