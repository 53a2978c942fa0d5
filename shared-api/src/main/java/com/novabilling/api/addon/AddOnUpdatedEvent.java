package com.novabilling.api.addon;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** The add-on's complete details after the change, prices included, stored flat like {@link AddOnCreatedEvent}'s. */
public record AddOnUpdatedEvent(String addOnId, @JsonUnwrapped AddOnDetails details) {
}
