package com.novabilling.api.wallet;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What an outbound transaction took from one inbound transaction, in major units: {@code amount} of the
 * {@code inboundType} transaction {@code inboundTransactionId} created at {@code inboundCreatedAt}, which brought in
 * {@code inboundAmount} — {@code description} says it in words: "12.00 of the 2026-03-01 grant of 15.00".
 */
public record WalletDrawView(String inboundTransactionId, WalletTransactionType inboundType,
                             Instant inboundCreatedAt, BigDecimal inboundAmount, BigDecimal amount,
                             BigDecimal credits, String description) {

    public static WalletDrawView of(WalletDraw draw) {
        return new WalletDrawView(draw.inboundTransactionId(), draw.inboundType(), draw.inboundCreatedAt(),
                draw.inboundAmount().toMajor(), draw.amount().toMajor(), draw.credits(), draw.description());
    }
}
