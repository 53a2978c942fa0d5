package com.novabilling.api.patch;

/** How a PATCH applies to a resource's details: a null field keeps the current value, a present one replaces it whole. */
public final class Patch {

    private Patch() {
    }

    /** {@code change} when the request gives one, else {@code current}. */
    public static <T> T or(T change, T current) {
        return change != null ? change : current;
    }
}
