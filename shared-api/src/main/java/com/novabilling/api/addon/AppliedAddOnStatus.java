package com.novabilling.api.addon;

/** PENDING until the next invoice bills it (INVOICED, set by invoicing) or it is withdrawn (REMOVED). */
public enum AppliedAddOnStatus {
    PENDING, REMOVED, INVOICED
}
