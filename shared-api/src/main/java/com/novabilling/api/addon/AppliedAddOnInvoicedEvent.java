package com.novabilling.api.addon;

/** A pending applied add-on was billed by an invoice (its ADD_ON line); it is INVOICED and no longer removable. */
public record AppliedAddOnInvoicedEvent(String appliedAddOnId, String customerId, String invoiceId) {
}
