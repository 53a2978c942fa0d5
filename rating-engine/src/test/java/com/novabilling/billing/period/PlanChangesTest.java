package com.novabilling.billing.period;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.PlanChangeKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** docs/billing-rules.md §10: upgrade or downgrade by the yearly fee in the subscription's currency. */
class PlanChangesTest {

    private static Money kes(long minor) {
        return Money.ofMinor(minor, CurrencyCode.KES);
    }

    @Test
    void w1BasicToProIsAnUpgradeAndBackADowngrade() {
        assertThat(PlanChanges.kind(kes(300_000), BillingInterval.MONTHLY, kes(600_000), BillingInterval.MONTHLY))
                .isEqualTo(PlanChangeKind.UPGRADE);
        assertThat(PlanChanges.kind(kes(600_000), BillingInterval.MONTHLY, kes(300_000), BillingInterval.MONTHLY))
                .isEqualTo(PlanChangeKind.DOWNGRADE);
    }

    @Test
    void intervalsAreComparedByTheirYearlyFee() {
        // 3,000.00 a month is 36,000.00 a year: a 30,000.00 yearly plan is cheaper, a 10,000.00 quarterly one dearer.
        assertThat(PlanChanges.kind(kes(300_000), BillingInterval.MONTHLY, kes(3_000_000), BillingInterval.YEARLY))
                .isEqualTo(PlanChangeKind.DOWNGRADE);
        assertThat(PlanChanges.kind(kes(300_000), BillingInterval.MONTHLY, kes(1_000_000), BillingInterval.QUARTERLY))
                .isEqualTo(PlanChangeKind.UPGRADE);
        assertThat(PlanChanges.kind(kes(100), BillingInterval.HOURLY, kes(876_000), BillingInterval.YEARLY))
                .isEqualTo(PlanChangeKind.UPGRADE);
        assertThat(PlanChanges.kind(kes(1_000), BillingInterval.WEEKLY, kes(52_000), BillingInterval.YEARLY))
                .isEqualTo(PlanChangeKind.UPGRADE);
    }

    @Test
    void anEqualYearlyFeeIsAnUpgrade() {
        assertThat(PlanChanges.kind(kes(1_200), BillingInterval.MONTHLY, kes(1_200), BillingInterval.MONTHLY))
                .isEqualTo(PlanChangeKind.UPGRADE);
    }

    @Test
    void pricesInTwoCurrenciesAreNotCompared() {
        assertThatThrownBy(() -> PlanChanges.kind(kes(1), BillingInterval.MONTHLY,
                Money.ofMinor(1, CurrencyCode.UGX), BillingInterval.MONTHLY))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
