package com.novabilling.command.billing;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedEvent;
import com.novabilling.api.lateusage.ClosedUsageWindowReRatedWithoutDifferenceEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentBilledEvent;
import com.novabilling.api.lateusage.LateUsageAdjustmentKind;
import com.novabilling.api.lateusage.LateUsagePolicy;
import com.novabilling.api.lateusage.MarkLateUsageAdjustmentBilledCommand;
import com.novabilling.api.lateusage.ReRateClosedUsageWindowCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.LateUsageAdjustment;
import com.novabilling.command.creditnote.CreditNoteIds;
import com.novabilling.command.invoice.InvoiceIds;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** docs/billing-rules.md §16: a finalized invoice's window re-rated by late usage bills only the difference, once. */
class ClosedUsageWindowTest {

    private static final String ORIGINAL = "inv_0123456789abcdef01234567";
    private static final String RE_RATING = LateUsageIds.reRatingOf(ORIGINAL);
    private static final String SUBSCRIPTION = "sub_0123456789abcdef01234567";
    private static final String CUSTOMER = "cus_0123456789abcdef01234567";
    private static final Instant MARCH_1 = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2027-04-01T00:00:00Z");
    private static final Instant AT = Instant.parse("2027-04-10T00:00:00Z");
    private static final InvoiceUsageWindow WINDOW = new InvoiceUsageWindow("pln_1", MARCH_1, APRIL_1);
    private static final Money ORIGINAL_USAGE = kes(500);
    /** The original invoice billed 10 GB from one event. */
    private static final String ORIGINAL_RATING = LateUsageAdjustment.ratingFingerprint(List.of(usage(500, "10", 1)));

    private FixtureConfiguration<ClosedUsageWindow> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ClosedUsageWindow.class);
    }

    private static Money kes(long minor) {
        return Money.ofMinor(minor, CurrencyCode.KES);
    }

    private static InvoiceLine usage(long minor, String units, long events) {
        return FeeLine.usage("chg_1", "Storage", new BigDecimal("0.5"), kes(minor), MARCH_1, APRIL_1, "default",
                List.of(), new InvoiceLineUsage(new BigDecimal(units), events, "digest-" + events)).line();
    }

    private static ReRateClosedUsageWindowCommand reRate(InvoiceLine rated, LateUsagePolicy policy) {
        return new ReRateClosedUsageWindowCommand(RE_RATING, ORIGINAL, SUBSCRIPTION, CUSTOMER, CurrencyCode.KES,
                WINDOW, ORIGINAL_USAGE, ORIGINAL_RATING, List.of(rated), policy, false, AT);
    }

    private static ClosedUsageWindowReRatedEvent reRated(int number, InvoiceLine rated, long before, long difference,
                                                         LateUsageAdjustmentKind kind) {
        String adjustmentId = LateUsageIds.adjustment(RE_RATING, number);
        String documentId = switch (kind) {
            case NEXT_INVOICE -> null;
            case ADJUSTMENT_INVOICE -> InvoiceIds.forLateUsageAdjustment(adjustmentId);
            case CREDIT_NOTE -> CreditNoteIds.forLateUsageAdjustment(adjustmentId);
        };
        InvoiceLine line = difference > 0 ? LateUsageAdjustment.adjustmentLine(ORIGINAL, MARCH_1, APRIL_1,
                kes(difference), List.of(rated)).line() : null;
        return new ClosedUsageWindowReRatedEvent(RE_RATING, ORIGINAL, SUBSCRIPTION, CUSTOMER, CurrencyCode.KES,
                WINDOW, adjustmentId, number, List.of(rated), kes(before), rated.amount(), kes(difference), kind,
                documentId, line, AT);
    }

    @Test
    void aLateEventForAFinalizedInvoiceRecordsTheDifferenceForTheNextInvoice() {
        InvoiceLine rated = usage(700, "14", 2);
        fixture.givenNoPriorActivity()
                .when(reRate(rated, LateUsagePolicy.NEXT_INVOICE))
                .expectEvents(reRated(1, rated, 500, 200, LateUsageAdjustmentKind.NEXT_INVOICE));
    }

    @Test
    void theAdjustmentInvoicePolicyNamesAnInvoiceOfItsOwn() {
        InvoiceLine rated = usage(700, "14", 2);
        fixture.givenNoPriorActivity()
                .when(reRate(rated, LateUsagePolicy.ADJUSTMENT_INVOICE))
                .expectEvents(reRated(1, rated, 500, 200, LateUsageAdjustmentKind.ADJUSTMENT_INVOICE));
    }

    @Test
    void anIncreaseOfAnEndedSubscriptionHasAnInvoiceOfItsOwn() {
        InvoiceLine rated = usage(700, "14", 2);
        fixture.givenNoPriorActivity()
                .when(new ReRateClosedUsageWindowCommand(RE_RATING, ORIGINAL, SUBSCRIPTION, CUSTOMER,
                        CurrencyCode.KES, WINDOW, ORIGINAL_USAGE, ORIGINAL_RATING, List.of(rated),
                        LateUsagePolicy.NEXT_INVOICE, true,
                        AT))
                .expectEvents(reRated(1, rated, 500, 200, LateUsageAdjustmentKind.ADJUSTMENT_INVOICE));
    }

    @Test
    void reRatingTwiceAddsNothing() {
        InvoiceLine rated = usage(700, "14", 2);
        fixture.given(reRated(1, rated, 500, 200, LateUsageAdjustmentKind.NEXT_INVOICE))
                .when(reRate(rated, LateUsagePolicy.NEXT_INVOICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aWindowBilledAsRatedRecordsNothing() {
        fixture.givenNoPriorActivity()
                .when(reRate(usage(500, "10", 1), LateUsagePolicy.NEXT_INVOICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theSameMoneyFromOtherEventsRecordsTheNewRatingOnlyAndOnlyOnce() {
        InvoiceLine sameMoney = usage(500, "10", 2); // a late zero-valued event: 2 events, another digest
        fixture.givenNoPriorActivity()
                .when(reRate(sameMoney, LateUsagePolicy.NEXT_INVOICE))
                .expectEvents(new ClosedUsageWindowReRatedWithoutDifferenceEvent(RE_RATING, ORIGINAL, SUBSCRIPTION,
                        WINDOW, List.of(sameMoney), AT));
        fixture.given(new ClosedUsageWindowReRatedWithoutDifferenceEvent(RE_RATING, ORIGINAL, SUBSCRIPTION, WINDOW,
                        List.of(sameMoney), AT))
                .when(reRate(sameMoney, LateUsagePolicy.NEXT_INVOICE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        // after an adjustment, the same money again from one more event: its rating only
        InvoiceLine rated = usage(700, "14", 2);
        InvoiceLine again = usage(700, "14", 3);
        fixture.given(reRated(1, rated, 500, 200, LateUsageAdjustmentKind.NEXT_INVOICE))
                .when(reRate(again, LateUsagePolicy.NEXT_INVOICE))
                .expectEvents(new ClosedUsageWindowReRatedWithoutDifferenceEvent(RE_RATING, ORIGINAL, SUBSCRIPTION,
                        WINDOW, List.of(again), AT));
    }

    @Test
    void aWindowOfAnInvoiceRecordedBeforeItsRatingWasKeptRecordsNoRatingWithoutADifference() {
        fixture.givenNoPriorActivity()
                .when(new ReRateClosedUsageWindowCommand(RE_RATING, ORIGINAL, SUBSCRIPTION, CUSTOMER,
                        CurrencyCode.KES, WINDOW, ORIGINAL_USAGE, null, List.of(usage(500, "10", 2)),
                        LateUsagePolicy.NEXT_INVOICE, false, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSecondLateEventAddsOnlyTheNewDifference() {
        InvoiceLine first = usage(700, "14", 2);
        InvoiceLine second = usage(1_000, "20", 3);
        fixture.given(reRated(1, first, 500, 200, LateUsageAdjustmentKind.NEXT_INVOICE))
                .when(reRate(second, LateUsagePolicy.NEXT_INVOICE))
                .expectEvents(reRated(2, second, 700, 300, LateUsageAdjustmentKind.NEXT_INVOICE));
    }

    @Test
    void aDecreaseIsACreditNoteAgainstTheOriginal() {
        InvoiceLine lower = usage(450, "9", 3);
        fixture.givenNoPriorActivity()
                .when(reRate(lower, LateUsagePolicy.NEXT_INVOICE))
                .expectEvents(reRated(1, lower, 500, -50, LateUsageAdjustmentKind.CREDIT_NOTE));
    }

    @Test
    void aPendingAdjustmentIsBilledByOneInvoiceOnly() {
        InvoiceLine rated = usage(700, "14", 2);
        ClosedUsageWindowReRatedEvent recorded = reRated(1, rated, 500, 200, LateUsageAdjustmentKind.NEXT_INVOICE);
        String adjustmentId = recorded.adjustmentId();
        LateUsageAdjustmentBilledEvent billed = new LateUsageAdjustmentBilledEvent(RE_RATING, adjustmentId,
                SUBSCRIPTION, "inv_april");
        fixture.given(recorded)
                .when(new MarkLateUsageAdjustmentBilledCommand(RE_RATING, adjustmentId, "inv_april"))
                .expectEvents(billed);
        fixture.given(recorded, billed)
                .when(new MarkLateUsageAdjustmentBilledCommand(RE_RATING, adjustmentId, "inv_april"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(recorded, billed)
                .when(new MarkLateUsageAdjustmentBilledCommand(RE_RATING, adjustmentId, "inv_may"))
                .expectException(ConflictException.class)
                .expectNoEvents();
        fixture.given(recorded)
                .when(new MarkLateUsageAdjustmentBilledCommand(RE_RATING, "lua_unknown", "inv_april"))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void linesInAnotherCurrencyAreRefused() {
        InvoiceLine usd = FeeLine.usage("chg_1", "Storage", null, Money.ofMinor(700, CurrencyCode.USD), MARCH_1,
                APRIL_1, "default", List.of(), new InvoiceLineUsage(BigDecimal.ONE, 1, "d")).line();
        fixture.givenNoPriorActivity()
                .when(reRate(usd, LateUsagePolicy.NEXT_INVOICE))
                .expectException(ValidationException.class)
                .expectNoEvents();
    }
}
