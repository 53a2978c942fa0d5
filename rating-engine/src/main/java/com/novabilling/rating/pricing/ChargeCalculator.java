package com.novabilling.rating.pricing;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.aggregation.Bucket;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Prices the units of one bucket with one of the five charge models (docs/billing-rules.md §5) and rounds the fee once,
 * HALF_UP, to the currency exponent.
 */
public final class ChargeCalculator {

    private ChargeCalculator() {
    }

    /**
     * @param units        the bucket's aggregate after metric rounding; a negative aggregate is priced as 0
     * @param transactions the bucket's transaction values in (timestamp, ingestion) order; used by PERCENTAGE only
     * @return the fee, or empty when there are no units to price (0 units produce no fee line)
     */
    public static Optional<BucketFee> calculate(PricingProperties pricing, CurrencyCode currency, Bucket bucket,
                                                BigDecimal units, List<BigDecimal> transactions) {
        BigDecimal billable = Decimals.atLeastZero(units);
        if (billable.signum() == 0) {
            return Optional.empty();
        }
        UnroundedFee fee = unrounded(pricing, billable, transactions, bucket.label());
        return Optional.of(new BucketFee(bucket, billable, fee.amount(),
                Money.ofMajorRounded(fee.amount(), currency), fee.lines()));
    }

    /** Pricing of a plain number of units (no events): PERCENTAGE treats them as a single transaction. */
    public static Optional<BucketFee> calculate(PricingProperties pricing, CurrencyCode currency, BigDecimal units) {
        return calculate(pricing, currency, Bucket.DEFAULT, units, List.of(Decimals.atLeastZero(units)));
    }

    static UnroundedFee unrounded(PricingProperties pricing, BigDecimal units, List<BigDecimal> transactions,
                                  String bucket) {
        if (pricing instanceof StandardPricing standard) {
            return StandardModel.price(standard, units, bucket);
        }
        if (pricing instanceof GraduatedPricing graduated) {
            return GraduatedModel.price(graduated, units, bucket);
        }
        if (pricing instanceof VolumePricing volume) {
            return VolumeModel.price(volume, units, bucket);
        }
        if (pricing instanceof PackagePricing packaged) {
            return PackageModel.price(packaged, units, bucket);
        }
        if (pricing instanceof PercentagePricing percentage) {
            return PercentageModel.price(percentage, transactions, bucket);
        }
        throw new IllegalArgumentException("unsupported pricing " + pricing);
    }
}
