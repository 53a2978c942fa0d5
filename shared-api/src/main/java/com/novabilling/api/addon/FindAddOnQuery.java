package com.novabilling.api.addon;

/** Answered with an {@link AddOnView}, or NotFoundException. */
public record FindAddOnQuery(String addOnId) {
}
