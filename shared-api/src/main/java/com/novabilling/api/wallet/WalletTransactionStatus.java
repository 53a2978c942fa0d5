package com.novabilling.api.wallet;

/**
 * PENDING: purchased credit waiting for its credit-purchase invoice to be paid (not spendable); SETTLED: counted in
 * the balance (every GRANTED, INVOICED and VOIDED transaction, and purchases once settled); FAILED: a purchase whose
 * invoice was voided, or that was still pending when the wallet ended.
 */
public enum WalletTransactionStatus {
    PENDING, SETTLED, FAILED
}
