package com.novabilling.api.subscription;

import com.novabilling.api.query.EnumNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscription enums parse any letter case, as the SDK sends {@code active}, and nothing else. */
class SubscriptionEnumsTest {

    @Test
    void anyLetterCaseParsesToTheCanonicalName() {
        assertThat(EnumNames.parse(SubscriptionStatus.class, "active")).contains(SubscriptionStatus.ACTIVE);
        assertThat(EnumNames.parse(SubscriptionStatus.class, " Trialing ")).contains(SubscriptionStatus.TRIALING);
        assertThat(CancelTiming.parse("period_end")).contains(CancelTiming.PERIOD_END);
        assertThat(PlanChangeTiming.parse("Immediate")).contains(PlanChangeTiming.IMMEDIATE);
        assertThat(BillingAnchor.parse("calendar")).contains(BillingAnchor.CALENDAR);
    }

    @Test
    void unknownOrMissingValuesParseToNothing() {
        assertThat(EnumNames.parse(SubscriptionStatus.class, "expired")).isEmpty();
        assertThat(EnumNames.parse(SubscriptionStatus.class, null)).isEmpty();
        assertThat(CancelTiming.parse("later")).isEmpty();
    }
}
