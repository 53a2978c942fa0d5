package com.novabilling.api.subscription;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription enums parse any letter case, as the SDK sends {@code active}, and nothing else. */
class SubscriptionEnumsTest {

    @Test
    void anyLetterCaseParsesToTheCanonicalName() {
        assertThat(SubscriptionStatus.parse("active")).contains(SubscriptionStatus.ACTIVE);
        assertThat(SubscriptionStatus.parse(" Trialing ")).contains(SubscriptionStatus.TRIALING);
        assertThat(CancelTiming.parse("period_end")).contains(CancelTiming.PERIOD_END);
        assertThat(PlanChangeTiming.parse("Immediate")).contains(PlanChangeTiming.IMMEDIATE);
        assertThat(BillingAnchor.parse("calendar")).contains(BillingAnchor.CALENDAR);
    }

    @Test
    void unknownOrMissingValuesParseToNothing() {
        assertThat(SubscriptionStatus.parse("expired")).isEmpty();
        assertThat(SubscriptionStatus.parse(null)).isEmpty();
        assertThat(CancelTiming.parse("later")).isEmpty();
    }
}
