package com.novabilling.billing.invoice;

import com.novabilling.api.money.Money;

/**
 * What an invoice consumed from one credit note (step 4) or wallet (step 5), for the caller to record.
 *
 * @param sourceId  the credit note's or wallet's id
 * @param consumed  taken by this invoice (&gt; 0)
 * @param remaining left on it afterwards, carried to later invoices
 */
public record BalanceDraw(String sourceId, Money consumed, Money remaining) {
}
