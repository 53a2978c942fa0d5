package com.novabilling.billing.invoice;

import com.novabilling.api.money.CurrencyCode;

import java.util.List;
import java.util.Objects;

/**
 * Everything one invoice is computed from (docs/billing-rules.md §13.2).
 *
 * @param currency       the invoice's currency; every fee is in it
 * @param fees           step 1, in the order they are to be printed
 * @param coupons        step 2, in the order they were applied to the customer
 * @param defaultTaxRate step 3, the rate of fees without their own (customer, else plan, else tenant); null or a 0 %
 *                       rate: those fees are not taxed
 * @param credits        step 4, the customer's credit notes with credit left (any order: oldest are drawn first)
 * @param wallets        step 5 seam (issue 13): empty until wallets exist
 */
public record InvoiceFacts(CurrencyCode currency, List<FeeLine> fees, List<CouponToApply> coupons,
                           TaxRate defaultTaxRate, List<AvailableCredit> credits, List<WalletFunds> wallets) {

    public InvoiceFacts {
        Objects.requireNonNull(currency, "currency");
        fees = List.copyOf(fees);
        coupons = coupons == null ? List.of() : List.copyOf(coupons);
        credits = credits == null ? List.of() : List.copyOf(credits);
        wallets = wallets == null ? List.of() : List.copyOf(wallets);
        for (FeeLine fee : fees) {
            if (fee.amount().currency() != currency) {
                throw new IllegalArgumentException("fee " + fee.line().description() + " is in "
                        + fee.amount().currency() + ", the invoice in " + currency);
            }
        }
    }

    /** Fees only: no coupon, no tax, no credit. */
    public static InvoiceFacts of(CurrencyCode currency, List<FeeLine> fees) {
        return new InvoiceFacts(currency, fees, List.of(), null, List.of(), List.of());
    }

    public InvoiceFacts withCoupons(List<CouponToApply> newCoupons) {
        return new InvoiceFacts(currency, fees, newCoupons, defaultTaxRate, credits, wallets);
    }

    public InvoiceFacts withTaxRate(TaxRate rate) {
        return new InvoiceFacts(currency, fees, coupons, rate, credits, wallets);
    }

    public InvoiceFacts withCredits(List<AvailableCredit> newCredits) {
        return new InvoiceFacts(currency, fees, coupons, defaultTaxRate, newCredits, wallets);
    }

    public InvoiceFacts withWallets(List<WalletFunds> newWallets) {
        return new InvoiceFacts(currency, fees, coupons, defaultTaxRate, credits, newWallets);
    }
}
