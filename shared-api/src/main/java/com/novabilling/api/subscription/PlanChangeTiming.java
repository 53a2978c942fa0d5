package com.novabilling.api.subscription;

import com.novabilling.api.query.EnumNames;

import java.util.Optional;

/** When a plan change takes effect: IMMEDIATE, or at the end of the current period (PERIOD_END). */
public enum PlanChangeTiming {
    IMMEDIATE, PERIOD_END;

    /** Accepts any letter case ({@code immediate}) and answers the canonical name. */
    public static Optional<PlanChangeTiming> parse(String value) {
        return EnumNames.parse(PlanChangeTiming.class, value);
    }
}
