package com.novabilling.command.coupon;

import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.coupon.CouponDuration;
import com.novabilling.api.coupon.DiscountType;
import com.novabilling.api.coupon.RequestedCoupon;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.command.validation.SupportedCurrency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/**
 * Every field is optional; absent fields keep their value, a present {@code planIds} or {@code metadata} replaces it
 * whole. The discount terms (discountType, discountValue, currency, duration, durationInPeriods) can change only
 * until the coupon is first applied.
 */
public record UpdateCouponRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @Size(max = 2000) String description,
        @Schema(description = "Changing it also needs discountValue") DiscountType discountType,
        @Positive @Schema(description = CreateCouponRequest.DISCOUNT_VALUE) BigDecimal discountValue,
        @SupportedCurrency @Schema(description = CreateCouponRequest.CURRENCY) String currency,
        CouponDuration duration,
        @Min(1) Integer durationInPeriods,
        @Min(1) @Schema(description = "Not below the coupon's timesRedeemed") Integer maxRedemptions,
        @Schema(description = "ISO-8601 instant in the future") Instant expiresAt,
        @Size(max = 100) @Schema(description = "Replaces the plan scope; empty means every plan")
        List<@NotBlank String> planIds,
        Boolean isActive,
        @BoundedMetadata Map<String, Object> metadata) {

    static final UpdateCouponRequest NO_CHANGES = new UpdateCouponRequest(
            null, null, null, null, null, null, null, null, null, null, null, null, null);

    RequestedCoupon changes() {
        return new RequestedCoupon(name, code, description, discountType, discountValue,
                CurrencyCode.parse(currency).orElse(null), duration, durationInPeriods, maxRedemptions, expiresAt,
                planIds, isActive, metadata);
    }
}
