package com.novabilling.rating.validation;

import com.novabilling.api.error.FieldError;
import com.novabilling.rating.Pricings;
import com.novabilling.rating.pricing.PriceRange;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RangeValidatorTest {

    static List<FieldError> validate(PriceRange... ranges) {
        return RangeValidator.validate(List.of(ranges), "graduatedRanges");
    }

    @Test
    void seedRangesAreValid() {
        assertThat(RangeValidator.validate(Pricings.seedRanges(), "graduatedRanges")).isEmpty();
    }

    @Test
    void adjacentFormIsAcceptedAndNormalised() {
        List<PriceRange> adjacent = List.of(PriceRange.of(0, 1000L, "0", "0"),
                PriceRange.of(1000, 10000L, "0.01", "0"), PriceRange.of(10000, null, "0.005", "0"));

        assertThat(RangeValidator.validate(adjacent, "graduatedRanges")).isEmpty();
        assertThat(RangeValidator.normalise(adjacent)).extracting(PriceRange::fromValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(Pricings.dec("0"), Pricings.dec("1001"), Pricings.dec("10001"));
    }

    @Test
    void boundsAndPricesHaveDocumentedMaxima() {
        List<PriceRange> huge = List.of(new PriceRange(java.math.BigDecimal.ZERO, new java.math.BigDecimal("1e1000000000"),
                java.math.BigDecimal.ONE, null), new PriceRange(new java.math.BigDecimal("1e1000000000"), null,
                new java.math.BigDecimal("1e13"), null));
        assertThat(RangeValidator.validate(huge, "graduatedRanges")).extracting(FieldError::field)
                .contains("graduatedRanges[0].toValue", "graduatedRanges[1].fromValue", "graduatedRanges[1].perUnitAmount");
    }

    @Test
    void firstRangeStartsAtZero() {
        assertThat(validate(PriceRange.of(1, null, "1", "0")))
                .extracting(FieldError::field).containsExactly("graduatedRanges[0].fromValue");
    }

    @Test
    void gapIsRejected() {
        assertThat(validate(PriceRange.of(0, 100L, "0", "0"), PriceRange.of(102, null, "1", "0")))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("graduatedRanges[1].fromValue");
                    assertThat(error.message()).contains("101").contains("gap");
                });
    }

    @Test
    void overlapIsRejected() {
        assertThat(validate(PriceRange.of(0, 100L, "0", "0"), PriceRange.of(50, null, "1", "0")))
                .singleElement().satisfies(error -> {
                    assertThat(error.field()).isEqualTo("graduatedRanges[1].fromValue");
                    assertThat(error.message()).contains("overlaps");
                });
    }

    @Test
    void onlyTheLastRangeIsOpen() {
        assertThat(validate(PriceRange.of(0, null, "0", "0"), PriceRange.of(101, null, "1", "0")))
                .extracting(FieldError::field).containsExactly("graduatedRanges[0].toValue");
        assertThat(validate(PriceRange.of(0, 100L, "0", "0"), PriceRange.of(101, 200L, "1", "0")))
                .extracting(FieldError::field).containsExactly("graduatedRanges[1].toValue");
    }

    @Test
    void negativesAreRejected() {
        assertThat(validate(PriceRange.of(0, 100L, "-1", "0"), PriceRange.of(101, null, "1", "-2")))
                .extracting(FieldError::field)
                .containsExactly("graduatedRanges[0].perUnitAmount", "graduatedRanges[1].flatAmount");
        assertThat(validate(PriceRange.of(-1, null, "1", "0")))
                .extracting(FieldError::field).containsExactly("graduatedRanges[0].fromValue");
    }

    @Test
    void toValueBelowFromValueIsRejected() {
        assertThat(validate(PriceRange.of(0, 100L, "0", "0"), PriceRange.of(101, 50L, "1", "0"),
                PriceRange.of(51, null, "1", "0")))
                .extracting(FieldError::field).contains("graduatedRanges[1].toValue");
    }

    @Test
    void emptyListIsRejected() {
        assertThat(RangeValidator.validate(List.of(), "volumeRanges"))
                .extracting(FieldError::field).containsExactly("volumeRanges");
    }

    @Test
    void unitPricesHaveAtMostTwelveDecimals() {
        assertThat(validate(PriceRange.of(0, null, "0.000000000001", "0"))).isEmpty();
        assertThat(validate(PriceRange.of(0, null, "0.0000000000001", "0")))
                .extracting(FieldError::field).containsExactly("graduatedRanges[0].perUnitAmount");
    }
}
