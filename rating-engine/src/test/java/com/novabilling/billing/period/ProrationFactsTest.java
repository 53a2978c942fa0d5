package com.novabilling.billing.period;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/billing-rules.md §12: seconds used and remaining, no money. */
class ProrationFactsTest {

    private static final BillingPeriod MARCH = new BillingPeriod(Instant.parse("2026-03-01T00:00:00Z"),
            Instant.parse("2026-04-01T00:00:00Z"));

    @Test
    void w1ChangeOnMarch11At12UsedAndRemainingSeconds() {
        ProrationFacts facts = ProrationFacts.at(MARCH, 0, Instant.parse("2026-03-11T12:00:00Z"));

        assertThat(facts).isEqualTo(new ProrationFacts(2_678_400, 907_200, 1_771_200));
        assertThat(facts.remainingFraction().toPlainString()).startsWith("0.661290322");
    }

    @Test
    void pausedSecondsAreNeitherUsedNorRemaining() {
        // W1's pause: [03-01, 04-11) after 864,000 s paused; a change on 04-05 has used 25 of 31 days.
        BillingPeriod stretched = MARCH.stretchedBy(864_000);
        ProrationFacts facts = ProrationFacts.at(stretched, 864_000, Instant.parse("2026-04-05T00:00:00Z"));

        assertThat(facts.periodSeconds()).isEqualTo(MARCH.seconds());
        assertThat(facts.usedSeconds()).isEqualTo(25 * 86_400);
        assertThat(facts.remainingSeconds()).isEqualTo(6 * 86_400);
    }

    @Test
    void atTheBoundsThePeriodIsAllRemainingOrAllUsed() {
        assertThat(ProrationFacts.at(MARCH, 0, MARCH.start())).isEqualTo(new ProrationFacts(2_678_400, 0, 2_678_400));
        assertThat(ProrationFacts.fullyUsed(MARCH, 0)).isEqualTo(new ProrationFacts(2_678_400, 2_678_400, 0));
        assertThat(ProrationFacts.fullyUsed(MARCH, 0).remainingFraction()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anInstantOutsideThePeriodIsAProgrammingError() {
        assertThatThrownBy(() -> ProrationFacts.at(MARCH, 0, Instant.parse("2026-04-01T00:00:01Z")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProrationFacts.at(MARCH, 10, MARCH.start()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
