package com.novabilling.rating.pricing;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.rating.Pricings;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import static com.novabilling.rating.Pricings.dec;
import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples S1–S3, G1–G10, V1–V7 and P1–P7 of docs/billing-rules.md §5.1–§5.4. */
class ChargeCalculatorTest {

    static Optional<BucketFee> fee(PricingProperties pricing, CurrencyCode currency, String units) {
        return ChargeCalculator.calculate(pricing, currency, dec(units));
    }

    static Money money(String major, CurrencyCode currency) {
        return Money.ofMajor(dec(major), currency);
    }

    @Nested
    class Standard {
        @Test
        void s1_callsTimesUnitPrice() {
            assertThat(fee(new StandardPricing(dec("0.25")), CurrencyCode.KES, "1234"))
                    .hasValueSatisfying(f -> assertThat(f.amount()).isEqualTo(money("308.50", CurrencyCode.KES)));
        }

        @Test
        void s2_roundsHalfUpOnceAtTheEnd() {
            BucketFee fee = fee(new StandardPricing(dec("0.10")), CurrencyCode.USD, "12.345").orElseThrow();

            assertThat(fee.unroundedAmount()).isEqualByComparingTo("1.2345");
            assertThat(fee.amount()).isEqualTo(money("1.23", CurrencyCode.USD));
        }

        @Test
        void s3_exactlyThirtyCents() {
            BucketFee fee = fee(new StandardPricing(dec("0.10")), CurrencyCode.KES, "3").orElseThrow();

            assertThat(fee.unroundedAmount()).isEqualByComparingTo("0.30");
            assertThat(fee.unroundedAmount().toPlainString()).isEqualTo("0.30");
            assertThat(fee.amount().minor()).isEqualTo(30);
        }

        @Test
        void unitPricesKeepTwelveDecimals() {
            BucketFee fee = fee(new StandardPricing(dec("0.000000000125")), CurrencyCode.USD, "100000000000")
                    .orElseThrow();

            assertThat(fee.amount()).isEqualTo(money("12.50", CurrencyCode.USD));
        }

        @Test
        void zeroUnitsProduceNoFeeLine() {
            assertThat(fee(new StandardPricing(dec("0.25")), CurrencyCode.KES, "0")).isEmpty();
        }

        @Test
        void negativeUnitsArePricedAsZero() {
            assertThat(fee(new StandardPricing(dec("0.25")), CurrencyCode.KES, "-5")).isEmpty();
        }

        @Test
        void zeroDecimalCurrencyRoundsToWholeUnits() {
            assertThat(fee(new StandardPricing(dec("0.5")), CurrencyCode.UGX, "5001").orElseThrow().amount())
                    .isEqualTo(Money.ofMinor(2501, CurrencyCode.UGX));
        }
    }

    @Nested
    class Graduated {
        GraduatedPricing seed = new GraduatedPricing(Pricings.seedRanges());
        GraduatedPricing flat = new GraduatedPricing(Pricings.flatFeeRanges());

        @Test
        void g1_zeroUnitsProduceNoFeeLine() {
            assertThat(fee(seed, CurrencyCode.USD, "0")).isEmpty();
            assertThat(fee(flat, CurrencyCode.USD, "0")).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1} units → USD {2}")
        @CsvSource({
                "G2, 1000, 0.00",
                "G3, 1001, 0.01",
                "G4, 10000, 90.00",
                "G5, 10001, 90.01",
                "G6, 15000, 115.00"})
        void seedRanges(String example, String units, String expected) {
            assertThat(fee(seed, CurrencyCode.USD, units).orElseThrow().amount())
                    .isEqualTo(money(expected, CurrencyCode.USD));
        }

        @Test
        void g5_unroundedIs90point005() {
            BucketFee fee = fee(seed, CurrencyCode.USD, "10001").orElseThrow();

            assertThat(fee.unroundedAmount()).isEqualByComparingTo("90.005");
            assertThat(fee.lines()).extracting(BreakdownLine::tierIndex).containsExactly(0, 1, 2);
            assertThat(fee.lines()).extracting(BreakdownLine::units)
                    .usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(dec("1000"), dec("9000"), dec("1"));
        }

        @Test
        void g6_breakdownExplainsEveryRange() {
            BucketFee fee = fee(seed, CurrencyCode.USD, "15000").orElseThrow();

            assertThat(fee.lines()).hasSize(3);
            BreakdownLine third = fee.lines().get(2);
            assertThat(third.kind()).isEqualTo(LineKind.TIER);
            assertThat(third.tierFrom()).isEqualByComparingTo("10001");
            assertThat(third.tierTo()).isNull();
            assertThat(third.units()).isEqualByComparingTo("5000");
            assertThat(third.unitPrice()).isEqualByComparingTo("0.005");
            assertThat(third.amount()).isEqualByComparingTo("25");
            assertThat(third.bucket()).isEqualTo("default");
        }

        @Test
        void fractionalUnitsLandInTheSecondRange() {
            BucketFee fee = fee(seed, CurrencyCode.USD, "1000.5").orElseThrow();

            assertThat(fee.unroundedAmount()).isEqualByComparingTo("0.005");
            assertThat(fee.lines().get(1).units()).isEqualByComparingTo("0.5");
        }

        @ParameterizedTest(name = "{0}: {1} units → USD {2}")
        @CsvSource({
                "G7, 1, 10.00",
                "G8, 100, 10.00",
                "G9, 101, 15.50",
                "G10, 150, 40.00"})
        void flatFeesOnlyForEnteredRanges(String example, String units, String expected) {
            assertThat(fee(flat, CurrencyCode.USD, units).orElseThrow().amount())
                    .isEqualTo(money(expected, CurrencyCode.USD));
        }

        @Test
        void adjacentFormPricesLikeTheInclusiveForm() {
            GraduatedPricing adjacent = new GraduatedPricing(List.of(PriceRange.of(0, 1000L, "0", "0"),
                    PriceRange.of(1000, 10000L, "0.01", "0"), PriceRange.of(10000, null, "0.005", "0")));

            assertThat(fee(adjacent, CurrencyCode.USD, "15000").orElseThrow().amount())
                    .isEqualTo(money("115.00", CurrencyCode.USD));
        }
    }

    @Nested
    class Volume {
        VolumePricing seed = new VolumePricing(Pricings.seedRanges());

        @ParameterizedTest(name = "{0}: {1} units → USD {2}")
        @CsvSource({
                "V1, 1000, 0.00",
                "V2, 1000.5, 10.01",
                "V3, 5000, 50.00",
                "V4, 10000, 100.00",
                "V5, 10001, 50.01",
                "V6, 15000, 75.00"})
        void seedRanges(String example, String units, String expected) {
            assertThat(fee(seed, CurrencyCode.USD, units).orElseThrow().amount())
                    .isEqualTo(money(expected, CurrencyCode.USD));
        }

        @Test
        void v2_unroundedIs10point005() {
            BucketFee fee = fee(seed, CurrencyCode.USD, "1000.5").orElseThrow();

            assertThat(fee.unroundedAmount()).isEqualByComparingTo("10.005");
            assertThat(fee.lines()).singleElement().satisfies(line -> {
                assertThat(line.tierIndex()).isEqualTo(1);
                assertThat(line.units()).isEqualByComparingTo("1000.5");
            });
        }

        @Test
        void v5_volumeCliffIsCheaperThanV4() {
            Money v4 = fee(seed, CurrencyCode.USD, "10000").orElseThrow().amount();
            Money v5 = fee(seed, CurrencyCode.USD, "10001").orElseThrow().amount();

            assertThat(v5).isLessThan(v4);
        }

        @Test
        void v7_flatFeeOfTheSingleRange() {
            assertThat(fee(new VolumePricing(Pricings.flatFeeRanges()), CurrencyCode.USD, "150").orElseThrow().amount())
                    .isEqualTo(money("80.00", CurrencyCode.USD));
        }
    }

    @Nested
    class Package {
        PackagePricing pricing = Pricings.packageWithFreeUnits();

        @Test
        void p1_zeroUnitsProduceNoFeeLine() {
            assertThat(fee(pricing, CurrencyCode.KES, "0")).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1} units → {2} packages → KES {3}")
        @CsvSource({
                "P2, 200, 0, 0.00",
                "P3, 201, 1, 50.00",
                "P4, 300, 1, 50.00",
                "P5, 301, 2, 100.00",
                "P6, 450, 3, 150.00",
                "P7, 1000, 8, 400.00"})
        void packagesWithFreeUnits(String example, String units, String packages, String expected) {
            BucketFee fee = fee(pricing, CurrencyCode.KES, units).orElseThrow();

            assertThat(fee.amount()).isEqualTo(money(expected, CurrencyCode.KES));
            assertThat(fee.lines()).singleElement()
                    .satisfies(line -> assertThat(line.units()).isEqualByComparingTo(packages));
        }

        @Test
        void freeUnitsAreOptional() {
            PackagePricing noFree = new PackagePricing(dec("100"), dec("50.00"), null);

            assertThat(fee(noFree, CurrencyCode.KES, "101").orElseThrow().amount())
                    .isEqualTo(money("100.00", CurrencyCode.KES));
        }
    }
}
