package com.novabilling.api.wallet;

import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one outbound (INVOICED or VOIDED) transaction took from one inbound transaction — "12.00 of the 2026-03-01
 * grant of 15.00" is {@code amount} 12.00 of the GRANTED transaction created at 2026-03-01 whose {@code inboundAmount}
 * was 15.00. Reports separate revenue paid with purchased credit from promotional credit by {@code inboundType}.
 *
 * @param inboundTransactionId the PURCHASED or GRANTED transaction drawn from
 * @param inboundType          PURCHASED or GRANTED
 * @param inboundCreatedAt     when that transaction was created
 * @param inboundAmount        what that transaction brought in
 * @param amount               what was drawn from it (&gt; 0)
 * @param credits              {@code amount ÷ rateAmount}
 */
public record WalletDraw(String inboundTransactionId, WalletTransactionType inboundType, Instant inboundCreatedAt,
                         Money inboundAmount, Money amount, BigDecimal credits) {

    /** "12.00 of the 2026-03-01 grant of 15.00": major units, the inbound transaction's UTC date. */
    public String description() {
        String kind = inboundType == WalletTransactionType.GRANTED ? "grant" : "purchase";
        return amount.toMajor().toPlainString() + " of the " + inboundCreatedAt.toString().substring(0, 10) + " "
                + kind + " of " + inboundAmount.toMajor().toPlainString();
    }
}
