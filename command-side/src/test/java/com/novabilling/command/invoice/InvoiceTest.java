package com.novabilling.command.invoice;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.CreateInvoiceCommand;
import com.novabilling.api.invoice.InvoiceCreditAllocatedEvent;
import com.novabilling.api.invoice.InvoiceCreditNoteAppliedEvent;
import com.novabilling.api.invoice.InvoiceCreditReleasedEvent;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;
import com.novabilling.api.invoice.FinalizeInvoiceCommand;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoicePaymentRecordedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.InvoiceWalletCreditsAppliedEvent;
import com.novabilling.api.invoice.MarkInvoicePaidCommand;
import com.novabilling.api.invoice.RefreshDraftInvoiceUsageCommand;
import com.novabilling.api.invoice.ShortenDraftSubscriptionFeeCommand;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceUsageWindow;
import com.novabilling.billing.invoice.BalanceDraw;
import com.novabilling.billing.invoice.ComputedInvoice;
import com.novabilling.billing.invoice.DraftRevision;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.billing.invoice.InvoiceCalculator;
import com.novabilling.billing.invoice.InvoiceFacts;
import com.novabilling.billing.invoice.TaxRate;
import com.novabilling.billing.invoice.WalletFunds;
import com.novabilling.api.invoice.VoidInvoiceCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.customer.CustomerLookup;
import com.novabilling.command.subscription.SubscriptionLookup;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice's lifecycle DRAFT → FINALIZED → PAID | VOIDED and each refusal (issue 12 item 4). */
class InvoiceTest {

    private static final String ID = "inv_0123456789abcdef01234567";
    private static final String CUSTOMER = "cus_kes";
    private static final String SUBSCRIPTION = "sub_kes";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant GIVEN_DUE = Instant.parse("2026-04-01T00:00:00Z");

    private static final Money ZERO = kes(0);
    private static final List<InvoiceLine> LINES = List.of(item("Pro Plan - Monthly", 1_500_000),
            item("Additional API calls (500)", 250_000));
    private static final InvoiceTotals TOTALS = totals(1_750_000, 0);

    private static final Instant MARCH_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant GRACE_END = APRIL_1.plus(Duration.ofDays(3));
    private static final InvoiceUsageWindow WINDOW = new InvoiceUsageWindow("plan_1", MARCH_1, APRIL_1);

    private FixtureConfiguration<Invoice> fixture;
    private List<FeeLine> usageNow = List.of();
    private InvoiceUsageWindow seenWindow;
    private final AtomicLong numbers = new AtomicLong();
    private int netDays;
    /** What the customer's wallets may spend, in spending order, and what the invoice spent from them. */
    private List<WalletFunds> walletFunds = List.of();
    private final List<BalanceDraw> walletSpends = new ArrayList<>();
    private RuntimeException walletRefusal;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource((InvoiceNumbers) numbers::incrementAndGet);
        fixture.registerInjectableResource((InvoicePaymentTerms) (customerId, subscriptionId) -> netDays);
        fixture.registerInjectableResource(new CustomerLookup() {
            @Override
            public boolean emailTaken(String email, String exceptCustomerId) {
                return false;
            }

            @Override
            public boolean externalIdTaken(String externalId, String exceptCustomerId) {
                return false;
            }

            @Override
            public Optional<CustomerFacts> find(String customerId) {
                return CUSTOMER.equals(customerId) ? Optional.of(new CustomerFacts(CUSTOMER, CurrencyCode.KES))
                        : Optional.empty();
            }
        });
        fixture.registerInjectableResource((SubscriptionLookup) subscriptionId -> switch (subscriptionId) {
            case SUBSCRIPTION -> Optional.of(new SubscriptionLookup.SubscriptionFacts(SUBSCRIPTION, CUSTOMER, "plan_1"));
            case "sub_other" -> Optional.of(new SubscriptionLookup.SubscriptionFacts("sub_other", "cus_other", "plan_1"));
            default -> Optional.empty();
        });
        fixture.registerInjectableResource((DraftInvoiceUsage) (subscriptionId, currency, window) -> {
            seenWindow = window;
            return usageNow;
        });
        fixture.registerInjectableResource(new InvoiceWallets() {
            @Override
            public List<WalletFunds> fundsFor(String invoiceId, String customerId, CurrencyCode currency,
                                              Instant at) {
                return walletFunds;
            }

            @Override
            public void spend(String invoiceId, List<BalanceDraw> draws) {
                if (walletRefusal != null) {
                    throw walletRefusal;
                }
                walletSpends.addAll(draws);
            }
        });
        fixture.givenCurrentTime(NOW);
    }

    // ---- creation

    @Test
    void createsADraftWithItsLinesAndTotals() {
        fixture.givenNoPriorActivity()
                .when(create(null, LINES, TOTALS))
                .expectSuccessfulHandlerExecution()
                .expectEvents(created(null, LINES, TOTALS));
    }

    @Test
    void createsARecurringDraftWithItsPeriodAndWhenItFinalizesByItself() {
        Instant start = Instant.parse("2026-02-01T00:00:00Z");
        Instant end = Instant.parse("2026-03-01T00:00:00Z");
        Instant finalizeAt = end.plus(Duration.ofDays(3));
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, start, end, null, null,
                        null, LINES, TOTALS, finalizeAt, new InvoiceUsageWindow("plan_1", start, end), false))
                .expectEvents(new InvoiceCreatedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, start, end, null,
                        null, Map.of(), LINES, TOTALS, finalizeAt, new InvoiceUsageWindow("plan_1", start, end)));
    }

    @Test
    void aRecurringInvoiceWithoutGraceIsIssuedFinalInTheSameCommand() {
        numbers.set(6);
        netDays = 14;
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1, null,
                        null, null, LINES, TOTALS, null, WINDOW, true))
                .expectEvents(new InvoiceCreatedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1,
                                null, null, Map.of(), LINES, TOTALS, null, WINDOW),
                        new InvoiceFinalizedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, "INV-000007", 7, NOW,
                                NOW.plus(Duration.ofDays(14)), 14, TOTALS));
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1, null,
                        null, null, LINES, TOTALS, GRACE_END, WINDOW, true))
                .expectException(ValidationException.class).expectNoEvents();
    }

    @Test
    void refusesTotalsThatAreNotTheSumsOfTheLines() {
        InvoiceTotals wrong = totals(1_700_000, 0);
        fixture.givenNoPriorActivity().when(create(null, LINES, wrong))
                .expectException(ValidationException.class).expectExceptionMessage(
                        org.hamcrest.Matchers.containsString("subtotal"))
                .expectNoEvents();
    }

    @Test
    void refusesATaxTotalThatIsNotTheSumOfTheTaxLines() {
        List<InvoiceLine> taxed = List.of(item("Work", 100_000), tax(16_000));
        Money subtotal = kes(100_000);
        InvoiceTotals noTax = new InvoiceTotals(subtotal, ZERO, ZERO, subtotal, ZERO, ZERO, ZERO, subtotal);
        fixture.givenNoPriorActivity().when(create(null, taxed, noTax))
                .expectException(ValidationException.class).expectNoEvents();
        Money total = kes(116_000);
        InvoiceTotals withTax = new InvoiceTotals(subtotal, ZERO, kes(16_000), total, ZERO, ZERO, ZERO, total);
        fixture.givenNoPriorActivity().when(create(null, taxed, withTax)).expectSuccessfulHandlerExecution();
    }

    @Test
    void refusesLinesInAnotherCurrency() {
        InvoiceLine usd = new InvoiceLine(InvoiceLineType.ITEM, "x", BigDecimal.ONE, BigDecimal.ONE,
                Money.ofMinor(100, CurrencyCode.USD), null, null, null, null, null, null, List.of(), null);
        fixture.givenNoPriorActivity().when(create(null, List.of(usd), TOTALS))
                .expectException(ValidationException.class).expectNoEvents();
    }

    @Test
    void refusesAMissingCustomerOrCurrencyOrAnotherCustomersSubscription() {
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, "cus_gone", null, CurrencyCode.KES, null, null, null, null, null,
                        LINES, TOTALS, null, null, false))
                .expectException(NotFoundException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, null, null, null, null, null, null, null, LINES, TOTALS,
                        null, null, false))
                .expectException(ValidationException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, "sub_other", CurrencyCode.KES, null, null, null, null,
                        null, LINES, TOTALS, null, null, false))
                .expectException(ValidationException.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, "sub_missing", CurrencyCode.KES, null, null, null, null,
                        null, LINES, TOTALS, null, null, false))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    // ---- re-rating a draft's usage window (late usage during the grace period)

    @Test
    void lateUsageOfTheWindowIsReRatedIntoTheDraftAndTheSameUsageChangesNothing() {
        usageNow = calls(120);
        fixture.given(recurringDraft(GRACE_END))
                .when(new RefreshDraftInvoiceUsageCommand(ID))
                .expectEvents(new InvoiceDraftRevisedEvent(ID, reRated().lines(), reRated().totals()));
        assertThat(reRated().totals().total()).isEqualTo(kes(354_960)); // 3,000 + 120 × 0.50 = 3,060; VAT 489.60
        assertThat(seenWindow).isEqualTo(WINDOW);

        usageNow = calls(100);
        fixture.given(recurringDraft(GRACE_END))
                .when(new RefreshDraftInvoiceUsageCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aFinalizedInvoiceIsNeverReRatedAndAOneOffDraftHasNoWindow() {
        usageNow = calls(120);
        fixture.given(recurringDraft(GRACE_END), finalized(1, NOW, NOW, 0))
                .when(new RefreshDraftInvoiceUsageCommand(ID))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(null, LINES, TOTALS))
                .when(new RefreshDraftInvoiceUsageCommand(ID))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void aChangeDuringTheGracePeriodShortensTheDraftsFeeOnceAndAnIssuedInvoiceRefusesIt() {
        Instant change = APRIL_1.plus(Duration.ofDays(10));
        ComputedInvoice cut = DraftRevision.withSubscriptionFeeCut(CurrencyCode.KES, issuedDraft().lines(), "plan_1",
                change, kes(200_000)).orElseThrow();
        fixture.given(recurringDraft(GRACE_END))
                .when(new ShortenDraftSubscriptionFeeCommand(ID, "plan_1", change, kes(200_000)))
                .expectEvents(new InvoiceDraftRevisedEvent(ID, cut.lines(), cut.totals()));
        assertThat(cut.totals().total()).isEqualTo(kes(121_800)); // 1,000 + 50 = 1,050; VAT 168 → 1,218.00
        fixture.given(recurringDraft(GRACE_END), new InvoiceDraftRevisedEvent(ID, cut.lines(), cut.totals()))
                .when(new ShortenDraftSubscriptionFeeCommand(ID, "plan_1", change, kes(200_000)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(recurringDraft(GRACE_END), finalized(1, NOW, NOW, 0))
                .when(new ShortenDraftSubscriptionFeeCommand(ID, "plan_1", change, kes(200_000)))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(recurringDraft(GRACE_END))
                .when(new ShortenDraftSubscriptionFeeCommand(ID, "plan_other", change, kes(200_000)))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void aDraftWithAGracePeriodTakesInItsLateUsageAsItFinalizes() {
        usageNow = calls(120);
        fixture.given(recurringDraft(GRACE_END))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceDraftRevisedEvent(ID, reRated().lines(), reRated().totals()),
                        new InvoiceFinalizedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, "INV-000001", 1, NOW,
                                NOW, 0, reRated().totals()));
    }

    @Test
    void aDraftWithoutAGracePeriodFinalizesAsIssued() {
        usageNow = calls(120); // issued and finalized in one go: nothing can be late in between
        fixture.given(recurringDraft(null))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceFinalizedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, "INV-000001",
                        1, NOW, NOW, 0, issuedDraft().totals()));
        assertThat(seenWindow).isNull();
    }

    // ---- finalization

    @Test
    void finalizingTakesTheNextNumberAndDueDateFromTheNetPaymentTerms() {
        numbers.set(41);
        netDays = 30;
        fixture.given(created(null, LINES, TOTALS))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(finalized(42, NOW, NOW.plus(Duration.ofDays(30)), 30));
        assertThat(numbers.get()).isEqualTo(42);
    }

    @Test
    void finalizingKeepsTheDueDateGivenAtCreation() {
        netDays = 30;
        fixture.given(created(GIVEN_DUE, LINES, TOTALS))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, "INV-000001", 1, NOW,
                        GIVEN_DUE, null, TOTALS));
    }

    @Test
    void anInvoiceWithNothingDueIsPaidWhenFinalized() {
        InvoiceTotals zero = totals(0, 0);
        List<InvoiceLine> free = List.of(item("Free setup", 0));
        fixture.given(created(null, free, zero))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, "INV-000001", 1, NOW,
                        NOW, 0, zero), new InvoicePaidEvent(ID, CUSTOMER, NOW));
    }

    @Test
    void onlyADraftIsFinalizedAndARefusalTakesNoNumber() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new FinalizeInvoiceCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Invoice " + ID + " is FINALIZED")
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), voided(InvoiceStatus.DRAFT, null))
                .when(new FinalizeInvoiceCommand(ID))
                .expectException(ConflictException.class).expectNoEvents();
        assertThat(numbers.get()).isZero();
    }

    // ---- voiding

    @Test
    void aDraftIsVoidedWithoutANumberAndAFinalizedOneKeepsIts() {
        fixture.given(created(null, LINES, TOTALS))
                .when(new VoidInvoiceCommand(ID))
                .expectEvents(voided(InvoiceStatus.DRAFT, null));
        fixture.given(created(null, LINES, TOTALS), finalized(7, NOW, NOW, 0))
                .when(new VoidInvoiceCommand(ID))
                .expectEvents(voided(InvoiceStatus.FINALIZED, "INV-000007"));
    }

    @Test
    void voidingTwiceAPaidOrAPartlyPaidInvoiceIsAConflict() {
        fixture.given(created(null, LINES, TOTALS), voided(InvoiceStatus.DRAFT, null))
                .when(new VoidInvoiceCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Invoice " + ID + " is already VOIDED")
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_750_000, 1_750_000, 0),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW))
                .when(new VoidInvoiceCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("credit note"))
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(100, 100, 1_749_900))
                .when(new VoidInvoiceCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("credit note"))
                .expectNoEvents();
    }

    // ---- payments

    @Test
    void markPaidPaysTheWholeAmountDueByDefault() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new MarkInvoicePaidCommand(ID, null, null, null))
                .expectEvents(payment(1_750_000, 1_750_000, 0), new InvoicePaidEvent(ID, CUSTOMER, NOW));
    }

    @Test
    void aPartialPaymentLeavesItFinalizedWithLessDueAndTheRestPaysIt() {
        Instant received = NOW.minus(Duration.ofDays(1));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new MarkInvoicePaidCommand(ID, new BigDecimal("500.00"), received, "TRX-1"))
                .expectEvents(new InvoicePaymentRecordedEvent(ID, kes(50_000), received, "TRX-1",
                        InvoicePaymentRecordedEvent.MANUAL, kes(50_000), kes(1_700_000)));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(50_000, 50_000, 1_700_000))
                .when(new MarkInvoicePaidCommand(ID, new BigDecimal("17000"), null, null))
                .expectEvents(payment(1_700_000, 1_750_000, 0), new InvoicePaidEvent(ID, CUSTOMER, NOW));
    }

    @Test
    void markPaidRefusesMoreThanIsDueNothingTooManyDecimalsAndTheFuture() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(50_000, 50_000, 1_700_000))
                .when(new MarkInvoicePaidCommand(ID, new BigDecimal("17000.01"), null, null))
                .expectException(ValidationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("amount due"))
                .expectNoEvents();
        for (String amount : List.of("0", "-1", "1.001")) {
            fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                    .when(new MarkInvoicePaidCommand(ID, new BigDecimal(amount), null, null))
                    .expectException(ValidationException.class).expectNoEvents();
        }
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new MarkInvoicePaidCommand(ID, null, NOW.plusSeconds(1), null))
                .expectException(ValidationException.class).expectNoEvents();
    }

    @Test
    void markPaidNeedsAFinalizedInvoice() {
        fixture.given(created(null, LINES, TOTALS))
                .when(new MarkInvoicePaidCommand(ID, null, null, null))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DRAFT"))
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), voided(InvoiceStatus.DRAFT, null))
                .when(new MarkInvoicePaidCommand(ID, null, null, null))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_750_000, 1_750_000, 0),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW))
                .when(new MarkInvoicePaidCommand(ID, null, null, null))
                .expectException(ConflictException.class)
                .expectExceptionMessage("Invoice " + ID + " is PAID")
                .expectNoEvents();
    }

    // ---- credit notes (docs/billing-rules.md §14)

    @Test
    void allocatesCreditNotesUpToTheTotal() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(allocate("cn_1", 1_000_000, false))
                .expectEvents(allocated("cn_1", 1_000_000, false, 1_000_000));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000_000, false,
                        1_000_000))
                .when(allocate("cn_2", 750_000, false))
                .expectEvents(allocated("cn_2", 750_000, false, 1_750_000));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000_000, false,
                        1_000_000))
                .when(allocate("cn_2", 750_001, false))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("more than its total of 17500.00 KES"))
                .expectNoEvents();
    }

    @Test
    void aChangedAllocationReplacesTheNotesPreviousAmountAndTheSameAmountChangesNothing() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_750_000, false,
                        1_750_000))
                .when(allocate("cn_1", 500_000, false))
                .expectEvents(allocated("cn_1", 500_000, false, 500_000));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 500_000, false,
                        500_000))
                .when(allocate("cn_1", 500_000, false))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesCreditNotesOnADraftOrVoidedInvoiceAndAllowsThemOnAPaidOne() {
        fixture.given(created(null, LINES, TOTALS))
                .when(allocate("cn_1", 100, false))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is DRAFT"))
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), voided(InvoiceStatus.FINALIZED,
                        "INV-000001"))
                .when(allocate("cn_1", 100, false))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_750_000, 1_750_000, 0),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW))
                .when(allocate("cn_1", 100, false))
                .expectEvents(allocated("cn_1", 100, false, 100));
    }

    @Test
    void anOffsetNeedsAnUnpaidInvoiceWithThatMuchDue() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_750_000, 1_750_000, 0),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW))
                .when(allocate("cn_1", 100, true))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("is PAID"))
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_000_000, 1_000_000, 750_000))
                .when(allocate("cn_1", 750_001, true))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("exceeds the amount due"))
                .expectNoEvents();
    }

    @Test
    void refusesAnotherCustomersOrCurrencysCreditNote() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new AllocateInvoiceCreditCommand(ID, "cn_1", "cus_other", kes(100), false))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0))
                .when(new AllocateInvoiceCreditCommand(ID, "cn_1", CUSTOMER, Money.ofMinor(100, CurrencyCode.USD),
                        false))
                .expectException(ValidationException.class).expectNoEvents();
    }

    @Test
    void releasesAVoidedCreditNotesAllocationOnce() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000, false, 1_000),
                        allocated("cn_2", 2_000, false, 3_000))
                .when(new ReleaseInvoiceCreditCommand(ID, "cn_1"))
                .expectEvents(new InvoiceCreditReleasedEvent(ID, "cn_1", kes(1_000), kes(2_000)));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000, false, 1_000),
                        new InvoiceCreditReleasedEvent(ID, "cn_1", kes(1_000), kes(0)))
                .when(new ReleaseInvoiceCreditCommand(ID, "cn_1"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void anOffsetLowersTheAmountDueOnceAndSettlesTheInvoiceWhenNothingRemains() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 500_000, true,
                        500_000))
                .when(new ApplyCreditNoteToInvoiceCommand(ID, "cn_1", kes(500_000)))
                .expectEvents(new InvoiceCreditNoteAppliedEvent(ID, "cn_1", kes(500_000), kes(500_000),
                        kes(1_250_000)));
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 500_000, true,
                        500_000), new InvoiceCreditNoteAppliedEvent(ID, "cn_1", kes(500_000), kes(500_000),
                        kes(1_250_000)))
                .when(new ApplyCreditNoteToInvoiceCommand(ID, "cn_1", kes(500_000)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(750_000, 750_000, 1_000_000))
                .when(new ApplyCreditNoteToInvoiceCommand(ID, "cn_1", kes(1_000_000)))
                .expectEvents(new InvoiceCreditNoteAppliedEvent(ID, "cn_1", kes(1_000_000), kes(1_000_000), kes(0)),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW));
    }

    @Test
    void anOffsetIsRefusedOnAPaidInvoiceOrAboveTheAmountDue() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_750_000, 1_750_000, 0),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW))
                .when(new ApplyCreditNoteToInvoiceCommand(ID, "cn_1", kes(100)))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), payment(1_000_000, 1_000_000, 750_000))
                .when(new ApplyCreditNoteToInvoiceCommand(ID, "cn_1", kes(750_001)))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void anInvoiceWithLiveCreditNotesIsNotVoided() {
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000, false, 1_000))
                .when(new VoidInvoiceCommand(ID))
                .expectException(ConflictException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("cn_1"))
                .expectNoEvents();
        fixture.given(created(null, LINES, TOTALS), finalized(1, NOW, NOW, 0), allocated("cn_1", 1_000, false, 1_000),
                        new InvoiceCreditReleasedEvent(ID, "cn_1", kes(1_000), kes(0)))
                .when(new VoidInvoiceCommand(ID))
                .expectEvents(voided(InvoiceStatus.FINALIZED, "INV-000001"));
    }

    private static AllocateInvoiceCreditCommand allocate(String creditNoteId, long minor, boolean offset) {
        return new AllocateInvoiceCreditCommand(ID, creditNoteId, CUSTOMER, kes(minor), offset);
    }

    private static InvoiceCreditAllocatedEvent allocated(String creditNoteId, long minor, boolean offset, long all) {
        return new InvoiceCreditAllocatedEvent(ID, creditNoteId, kes(minor), offset, kes(all));
    }

    // ---- wallets at finalization (docs/billing-rules.md §13.2 step 5, §15)

    @Test
    void w4_walletsPayInTheirOrderAndLeave500Due() {
        // wallet 1: 200.00 granted + 800.00 purchased settled; wallet 2's 2,000.00 is pending, so not spendable
        walletFunds = List.of(new WalletFunds("wal_1", kes(100_000)));
        List<InvoiceLine> lines = List.of(item("Pro", 150_000));
        InvoiceTotals before = totals(150_000, 0);
        InvoiceLine walletLine = new InvoiceLine(InvoiceLineType.WALLET, "Prepaid credits", null, null,
                kes(-100_000), null, null, null, "wal_1", null, null, List.of(), null);
        InvoiceTotals after = new InvoiceTotals(kes(150_000), ZERO, ZERO, kes(150_000), ZERO, kes(100_000), ZERO,
                kes(50_000));
        fixture.given(created(null, lines, before))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceWalletCreditsAppliedEvent(ID, CUSTOMER, List.of(walletLine), after),
                        new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, "INV-000001", 1, NOW, NOW, 0,
                                after));
        assertThat(walletSpends).containsExactly(new BalanceDraw("wal_1", kes(100_000), ZERO));
    }

    @Test
    void walletsThatCoverEverythingLeaveThePaidInvoicePaidAtIssue() {
        walletFunds = List.of(new WalletFunds("wal_1", kes(1_000_000)), new WalletFunds("wal_2", kes(1_000_000)));
        InvoiceTotals after = new InvoiceTotals(kes(1_750_000), ZERO, ZERO, kes(1_750_000), ZERO, kes(1_750_000),
                ZERO, ZERO);
        fixture.given(created(null, LINES, TOTALS))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceWalletCreditsAppliedEvent(ID, CUSTOMER, List.of(
                                walletLine("wal_1", 1_000_000), walletLine("wal_2", 750_000)), after),
                        new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, "INV-000001", 1, NOW, NOW, 0,
                                after),
                        new InvoicePaidEvent(ID, CUSTOMER, NOW));
        assertThat(walletSpends).containsExactly(new BalanceDraw("wal_1", kes(1_000_000), ZERO),
                new BalanceDraw("wal_2", kes(750_000), kes(250_000)));
    }

    @Test
    void anInvoiceFinalizedAtCreationIsPaidFromWalletsToo() {
        walletFunds = List.of(new WalletFunds("wal_1", kes(250_000)));
        InvoiceTotals after = new InvoiceTotals(kes(1_750_000), ZERO, ZERO, kes(1_750_000), ZERO, kes(250_000),
                ZERO, kes(1_500_000));
        fixture.givenNoPriorActivity()
                .when(new CreateInvoiceCommand(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1, null,
                        null, null, LINES, TOTALS, null, WINDOW, true))
                .expectEvents(new InvoiceCreatedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1,
                                null, null, Map.of(), LINES, TOTALS, null, WINDOW),
                        new InvoiceWalletCreditsAppliedEvent(ID, CUSTOMER, List.of(walletLine("wal_1", 250_000)),
                                after),
                        new InvoiceFinalizedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, "INV-000001", 1, NOW,
                                NOW, 0, after));
    }

    @Test
    void aWalletRefusingToSpendLeavesTheInvoiceADraft() {
        walletFunds = List.of(new WalletFunds("wal_1", kes(250_000)));
        walletRefusal = new ConflictException("Wallet wal_1 has 0.00 KES settled");
        fixture.given(created(null, LINES, TOTALS))
                .when(new FinalizeInvoiceCommand(ID))
                .expectException(ConflictException.class).expectNoEvents();
        assertThat(numbers.get()).isZero();
    }

    @Test
    void nothingDueOrNoWalletsSpendsNothing() {
        walletFunds = List.of(new WalletFunds("wal_1", kes(250_000)));
        fixture.given(created(null, List.of(item("Free setup", 0)), totals(0, 0)))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, "INV-000001", 1, NOW,
                        NOW, 0, totals(0, 0)), new InvoicePaidEvent(ID, CUSTOMER, NOW));
        walletFunds = List.of();
        fixture.given(created(null, LINES, TOTALS))
                .when(new FinalizeInvoiceCommand(ID))
                .expectEvents(finalized(2, NOW, NOW, 0));
        assertThat(walletSpends).isEmpty();
    }

    private static InvoiceLine walletLine(String walletId, long minor) {
        return new InvoiceLine(InvoiceLineType.WALLET, "Prepaid credits", null, null, kes(-minor), null, null, null,
                walletId, null, null, List.of(), null);
    }

    // ---- helpers

    private static Money kes(long minor) {
        return Money.ofMinor(minor, CurrencyCode.KES);
    }

    private static InvoiceLine item(String description, long minor) {
        return new InvoiceLine(InvoiceLineType.ITEM, description, BigDecimal.ONE, kes(minor).toMajor(), kes(minor),
                null, null, null, null, null, null, List.of(), null);
    }

    private static InvoiceLine tax(long minor) {
        return new InvoiceLine(InvoiceLineType.TAX, "VAT 16%", null, null, kes(minor), null, null, null, "VAT",
                new BigDecimal("16"), null, List.of(), null);
    }

    private static InvoiceTotals totals(long total, long paid) {
        return new InvoiceTotals(kes(total), ZERO, ZERO, kes(total), ZERO, ZERO, kes(paid), kes(total - paid));
    }

    private static CreateInvoiceCommand create(Instant dueDate, List<InvoiceLine> lines, InvoiceTotals totals) {
        return new CreateInvoiceCommand(ID, CUSTOMER, null, CurrencyCode.KES, null, null, dueDate,
                "Thank you for your business!", Map.of("po", "42"), lines, totals, null, null, false);
    }

    private static InvoiceCreatedEvent created(Instant dueDate, List<InvoiceLine> lines, InvoiceTotals totals) {
        return new InvoiceCreatedEvent(ID, CUSTOMER, null, CurrencyCode.KES, null, null, dueDate,
                "Thank you for your business!", Map.of("po", "42"), lines, totals, null, null);
    }

    private static InvoiceFinalizedEvent finalized(long number, Instant issuedAt, Instant due, Integer netDays) {
        return new InvoiceFinalizedEvent(ID, CUSTOMER, null, CurrencyCode.KES, InvoiceNumbers.format(number), number,
                issuedAt, due, netDays, TOTALS);
    }

    private static InvoicePaymentRecordedEvent payment(long amount, long paid, long due) {
        return new InvoicePaymentRecordedEvent(ID, kes(amount), NOW, null, InvoicePaymentRecordedEvent.MANUAL,
                kes(paid), kes(due));
    }

    private static InvoiceVoidedEvent voided(InvoiceStatus from, String number) {
        return new InvoiceVoidedEvent(ID, CUSTOMER, from, number, NOW);
    }

    /** A March usage line: {@code count} calls at 0.50. */
    private static List<FeeLine> calls(long count) {
        Money amount = kes(count * 50);
        return List.of(FeeLine.usage("chg_1", "API calls", new BigDecimal("0.50"), amount, MARCH_1, APRIL_1,
                "default", List.of(), new InvoiceLineUsage(BigDecimal.valueOf(count), count, "digest-" + count)));
    }

    /** April's fee 3,000 in advance, 100 March calls (50.00), VAT 16 % (488.00): 3,538.00. */
    private static ComputedInvoice issuedDraft() {
        List<FeeLine> fees = new java.util.ArrayList<>();
        fees.add(FeeLine.subscription("plan_1", "Basic", kes(300_000), APRIL_1, APRIL_1.plus(Duration.ofDays(30))));
        fees.addAll(calls(100));
        return InvoiceCalculator.compute(InvoiceFacts.of(CurrencyCode.KES, fees).withTaxRate(TaxRate.of("VAT", "16")));
    }

    private static ComputedInvoice reRated() {
        return DraftRevision.withUsage(CurrencyCode.KES, issuedDraft().lines(), calls(120)).orElseThrow();
    }

    private static InvoiceCreatedEvent recurringDraft(Instant finalizeAt) {
        ComputedInvoice draft = issuedDraft();
        return new InvoiceCreatedEvent(ID, CUSTOMER, SUBSCRIPTION, CurrencyCode.KES, MARCH_1, APRIL_1, null, null,
                Map.of(), draft.lines(), draft.totals(), finalizeAt, WINDOW);
    }
}
