package com.novabilling.api.invoice;

/** An invoice's lifecycle: {@code DRAFT → FINALIZED → PAID | VOIDED} (a draft may also be voided). */
public enum InvoiceStatus {
    DRAFT, FINALIZED, PAID, VOIDED
}
