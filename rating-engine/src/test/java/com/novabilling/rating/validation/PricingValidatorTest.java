package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.rating.Pricings;
import com.novabilling.rating.pricing.GraduatedPricing;
import com.novabilling.rating.pricing.PackagePricing;
import com.novabilling.rating.pricing.PercentagePricing;
import com.novabilling.rating.pricing.PriceRange;
import com.novabilling.rating.pricing.PricingProperties;
import com.novabilling.rating.pricing.StandardPricing;
import com.novabilling.rating.pricing.VolumePricing;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.novabilling.rating.Pricings.dec;
import static org.assertj.core.api.Assertions.assertThat;

class PricingValidatorTest {

    static List<String> fields(PricingProperties pricing) {
        return PricingValidator.validate(pricing).stream().map(FieldError::field).toList();
    }

    @Test
    void packageSizeMustBePositive() {
        assertThat(fields(new PackagePricing(BigDecimal.ZERO, dec("50"), null)))
                .containsExactly("properties.packageSize");
        assertThat(fields(new PackagePricing(dec("-1"), dec("50"), null))).containsExactly("properties.packageSize");
        assertThat(fields(Pricings.packageWithFreeUnits())).isEmpty();
    }

    @Test
    void packageFreeUnitsAndAmountMustNotBeNegative() {
        assertThat(fields(new PackagePricing(dec("100"), dec("-50"), dec("-1"))))
                .containsExactly("properties.amount", "properties.freeUnits");
    }

    @Test
    void percentageRateBetweenZeroAndHundred() {
        assertThat(fields(PercentagePricing.ofRate(dec("100")))).isEmpty();
        assertThat(fields(PercentagePricing.ofRate(dec("0")))).isEmpty();
        assertThat(fields(PercentagePricing.ofRate(dec("100.01")))).containsExactly("properties.rate");
        assertThat(fields(PercentagePricing.ofRate(dec("-1")))).containsExactly("properties.rate");
        assertThat(fields(PercentagePricing.ofRate(null))).containsExactly("properties.rate");
    }

    @Test
    void perTransactionMinNotAboveMax() {
        assertThat(fields(new PercentagePricing(dec("1"), null, null, null, dec("600"), dec("200"))))
                .containsExactly("properties.perTransactionMax");
        assertThat(fields(new PercentagePricing(dec("1"), null, null, null, dec("200"), dec("200")))).isEmpty();
    }

    @Test
    void percentageOptionsMustNotBeNegative() {
        assertThat(fields(new PercentagePricing(dec("1"), dec("-1"), -1L, dec("-1"), null, null)))
                .containsExactly("properties.fixedAmount", "properties.freeUnitsPerEvents",
                        "properties.freeUnitsPerTotalAggregation");
    }

    @Test
    void standardNeedsAnAmount() {
        assertThat(fields(new StandardPricing(null))).containsExactly("properties.amount");
        assertThat(fields(new StandardPricing(dec("-0.1")))).containsExactly("properties.amount");
    }

    @Test
    void rangesAreNamedByModel() {
        List<PriceRange> bad = List.of(PriceRange.of(5, null, "1", "0"));

        assertThat(fields(new GraduatedPricing(bad))).containsExactly("graduatedRanges[0].fromValue");
        assertThat(fields(new VolumePricing(bad))).containsExactly("volumeRanges[0].fromValue");
        assertThat(PricingValidator.validate(new VolumePricing(bad), "filters[2].")).extracting(FieldError::field)
                .containsExactly("filters[2].volumeRanges[0].fromValue");
    }
}
