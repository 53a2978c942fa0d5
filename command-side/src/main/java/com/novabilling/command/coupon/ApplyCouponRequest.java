package com.novabilling.command.coupon;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/** Names the coupon by exactly one of {@code couponId} and {@code couponCode}. */
public record ApplyCouponRequest(
        @Schema(description = "The coupon's id; give this or couponCode") String couponId,
        @Schema(description = "The coupon's code; give this or couponId") String couponCode,
        @NotBlank String customerId) {
}
