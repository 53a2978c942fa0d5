package com.novabilling.api.creditnote;

/**
 * What a credit note does with its amount (docs/billing-rules.md §14): CREDIT becomes customer credit consumed by later
 * invoices, OFFSET lowers the amount due of its own unpaid invoice, REFUND returns a payment (with payments, later).
 */
public enum CreditNoteType {
    CREDIT, REFUND, OFFSET
}
