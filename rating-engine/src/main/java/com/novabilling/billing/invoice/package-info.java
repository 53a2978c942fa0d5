/**
 * The billing engine (docs/billing-rules.md §12–§14): plain Java, no framework, no clock, no
 * database. Given the facts of an invoice it computes the lines and totals in the order of §13.2 — fees, coupons,
 * taxes, credit notes, (wallets), amount due — and reports what it consumed (coupon discounts, credit).
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link com.novabilling.billing.invoice.InvoiceCalculator#compute(InvoiceFacts)}: steps 1–6 over given fees;</li>
 *   <li>{@link com.novabilling.billing.invoice.RecurringInvoice#atBoundary(RecurringInvoiceFacts)}: the invoice at a
 *       period boundary (§13.1);</li>
 *   <li>{@link com.novabilling.billing.invoice.OneOffInvoice#compute(OneOffInvoiceFacts)}: a manual invoice of items;</li>
 *   <li>{@link com.novabilling.billing.invoice.PlanChangeMoney}: the money of upgrades and cancellations (§12);</li>
 *   <li>{@link com.novabilling.billing.invoice.UsageFees}: usage fee lines through the rating engine.</li>
 * </ul>
 * Every amount is {@link com.novabilling.api.money.Money} in minor units; every computed part is rounded once, HALF_UP.
 */
package com.novabilling.billing.invoice;
