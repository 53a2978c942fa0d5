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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;

public record CreateCouponRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "Unique within the tenant; customers can redeem the coupon by it", example = "WELCOME10")
        String code,
        @Size(max = 2000) String description,
        @NotNull @Schema(description = "Any letter case is accepted; answered in upper case") DiscountType discountType,
        @NotNull @Positive @Schema(description = DISCOUNT_VALUE, example = "10")
        BigDecimal discountValue,
        @SupportedCurrency @Schema(description = CURRENCY) String currency,
        @Schema(description = "Default ONCE") CouponDuration duration,
        @Min(1) @Schema(description = "Number of billing periods; required for REPEATING, refused otherwise")
        Integer durationInPeriods,
        @Min(1) @Schema(description = "How many times the coupon can be applied in total; absent means unlimited")
        Integer maxRedemptions,
        @Schema(description = "ISO-8601 instant in the future; the coupon cannot be applied from then on")
        Instant expiresAt,
        @Size(max = 100) @Schema(description = "Plans the discount is restricted to; absent or empty means every plan")
        List<@NotBlank String> planIds,
        @Schema(description = "Default true; an inactive coupon cannot be applied") Boolean isActive,
        @BoundedMetadata Map<String, Object> metadata) {

    /** Field documentation shared with {@link UpdateCouponRequest}. */
    static final String DISCOUNT_VALUE = "PERCENTAGE: a percentage above 0, at most 100, at most 4 decimals (12.5). "
            + "FIXED_AMOUNT: an amount in major units of currency with no more decimals than it has (10.00 USD, 5000 UGX)";
    static final String CURRENCY = "Required for FIXED_AMOUNT, refused for PERCENTAGE; one of the supported currencies";

    RequestedCoupon coupon() {
        return new RequestedCoupon(name, code, description, discountType, discountValue,
                CurrencyCode.parse(currency).orElse(null), duration, durationInPeriods, maxRedemptions, expiresAt,
                planIds, isActive, metadata);
    }
}
