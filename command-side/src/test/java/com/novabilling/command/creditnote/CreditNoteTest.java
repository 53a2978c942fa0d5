package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.ConsumeCreditNoteCommand;
import com.novabilling.api.creditnote.CreateCreditNoteCommand;
import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.creditnote.FinalizeCreditNoteCommand;
import com.novabilling.api.creditnote.UpdateCreditNoteCommand;
import com.novabilling.api.creditnote.VoidCreditNoteCommand;
import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.AllocateInvoiceCreditCommand;
import com.novabilling.api.invoice.ApplyCreditNoteToInvoiceCommand;
import com.novabilling.api.invoice.ReleaseInvoiceCreditCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.support.FixtureClock;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** The credit note's lifecycle DRAFT → FINALIZED → VOIDED, its consumption and each refusal (docs/billing-rules.md §14). */
class CreditNoteTest {

    private static final String ID = "cn_0123456789abcdef01234567";
    private static final String INVOICE = "inv_kes";
    private static final String CUSTOMER = "cus_kes";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final List<CreditNoteItem> ITEMS = List.of(new CreditNoteItem("Outage", kes(30_000)),
            new CreditNoteItem(null, kes(20_000)));

    private FixtureConfiguration<CreditNote> fixture;
    private final AtomicLong numbers = new AtomicLong();
    private final List<Object> sentToInvoice = new ArrayList<>();
    private RuntimeException invoiceRefusal;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CreditNote.class);
        fixture.registerInjectableResource(new FixtureClock());
        fixture.registerInjectableResource((CreditNoteNumbers) numbers::incrementAndGet);
        fixture.registerInjectableResource(new CreditNoteInvoices() {
            @Override
            public void allocate(AllocateInvoiceCreditCommand command) {
                record(command);
            }

            @Override
            public void release(ReleaseInvoiceCreditCommand command) {
                record(command);
            }

            @Override
            public void applyOffset(ApplyCreditNoteToInvoiceCommand command) {
                record(command);
            }

            private void record(Object command) {
                if (invoiceRefusal != null) {
                    throw invoiceRefusal;
                }
                sentToInvoice.add(command);
            }
        });
        fixture.givenCurrentTime(NOW);
    }

    // ---- creation

    @Test
    void createsADraftAllocatedOnTheInvoice() {
        fixture.givenNoPriorActivity()
                .when(create(CreditNoteType.CREDIT, ITEMS))
                .expectEvents(created(CreditNoteType.CREDIT));
        assertThat(sentToInvoice).containsExactly(
                new AllocateInvoiceCreditCommand(INVOICE, ID, CUSTOMER, kes(50_000), false));
    }

    @Test
    void anOffsetIsAllocatedAsAnOffset() {
        fixture.givenNoPriorActivity()
                .when(create(CreditNoteType.OFFSET, ITEMS))
                .expectEvents(created(CreditNoteType.OFFSET));
        assertThat(sentToInvoice).containsExactly(
                new AllocateInvoiceCreditCommand(INVOICE, ID, CUSTOMER, kes(50_000), true));
    }

    @Test
    void refundsAreRefusedUntilPaymentsExist() {
        fixture.givenNoPriorActivity()
                .when(create(CreditNoteType.REFUND, ITEMS))
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("payments"))
                .expectNoEvents();
        assertThat(sentToInvoice).isEmpty();
    }

    @Test
    void theInvoicesRefusalRefusesTheCreditNote() {
        invoiceRefusal = new ConflictException("The credit notes of invoice inv_kes would total …");
        fixture.givenNoPriorActivity().when(create(CreditNoteType.CREDIT, ITEMS))
                .expectException(ConflictException.class).expectNoEvents();
        invoiceRefusal = new NotFoundException("Invoice", INVOICE);
        fixture.givenNoPriorActivity().when(create(CreditNoteType.CREDIT, ITEMS))
                .expectException(NotFoundException.class).expectNoEvents();
    }

    @Test
    void refusesItemsThatAreEmptyZeroOrInAnotherCurrency() {
        fixture.givenNoPriorActivity().when(create(CreditNoteType.CREDIT, List.of()))
                .expectException(ValidationException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(create(CreditNoteType.CREDIT, List.of(new CreditNoteItem(null, kes(0)))))
                .expectException(ValidationException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(create(CreditNoteType.CREDIT,
                        List.of(new CreditNoteItem(null, Money.ofMinor(1, CurrencyCode.USD)))))
                .expectException(ValidationException.class).expectNoEvents();
        fixture.givenNoPriorActivity().when(new CreateCreditNoteCommand(ID, INVOICE, CUSTOMER, CurrencyCode.KES,
                        null, CreditNoteReason.OTHER, null, ITEMS))
                .expectException(ValidationException.class).expectNoEvents();
        assertThat(sentToInvoice).isEmpty();
    }

    // ---- changes while DRAFT

    @Test
    void aChangedAmountIsAllocatedAgain() {
        List<CreditNoteItem> less = List.of(new CreditNoteItem(null, kes(10_000)));
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new UpdateCreditNoteCommand(ID, null, CreditNoteReason.DUPLICATE, null, less))
                .expectEvents(new CreditNoteDraftUpdatedEvent(ID, INVOICE, CreditNoteType.CREDIT,
                        CreditNoteReason.DUPLICATE, "Service outage", less, kes(10_000)));
        assertThat(sentToInvoice).containsExactly(
                new AllocateInvoiceCreditCommand(INVOICE, ID, CUSTOMER, kes(10_000), false));
    }

    @Test
    void aChangeOfReasonOnlyAsksNothingOfTheInvoiceAndNoChangeAppliesNothing() {
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new UpdateCreditNoteCommand(ID, null, null, "Other words", null))
                .expectEvents(new CreditNoteDraftUpdatedEvent(ID, INVOICE, CreditNoteType.CREDIT,
                        CreditNoteReason.PRODUCT_UNSATISFACTORY, "Other words", ITEMS, kes(50_000)));
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new UpdateCreditNoteCommand(ID, CreditNoteType.CREDIT, null, null, ITEMS))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        assertThat(sentToInvoice).isEmpty();
    }

    @Test
    void becomingAnOffsetOrARefundIsCheckedAgain() {
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new UpdateCreditNoteCommand(ID, CreditNoteType.OFFSET, null, null, null))
                .expectSuccessfulHandlerExecution();
        assertThat(sentToInvoice).containsExactly(
                new AllocateInvoiceCreditCommand(INVOICE, ID, CUSTOMER, kes(50_000), true));
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new UpdateCreditNoteCommand(ID, CreditNoteType.REFUND, null, null, null))
                .expectException(ConflictException.class).expectNoEvents();
    }

    @Test
    void onlyADraftChanges() {
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1))
                .when(new UpdateCreditNoteCommand(ID, null, CreditNoteReason.OTHER, null, null))
                .expectException(ConflictException.class)
                .expectExceptionMessage(containsString("FINALIZED"))
                .expectNoEvents();
    }

    // ---- finalization

    @Test
    void finalizingACreditGivesTheNextNumberAndMakesTheCreditAvailable() {
        numbers.set(6);
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new FinalizeCreditNoteCommand(ID))
                .expectEvents(finalized(CreditNoteType.CREDIT, 7));
        assertThat(sentToInvoice).isEmpty();
    }

    @Test
    void finalizingAnOffsetAppliesItToTheInvoice() {
        fixture.given(created(CreditNoteType.OFFSET))
                .when(new FinalizeCreditNoteCommand(ID))
                .expectEvents(finalized(CreditNoteType.OFFSET, 1));
        assertThat(sentToInvoice).containsExactly(new ApplyCreditNoteToInvoiceCommand(INVOICE, ID, kes(50_000)));
    }

    @Test
    void anOffsetTheInvoiceRefusesTakesNoNumber() {
        invoiceRefusal = new ConflictException("Invoice inv_kes is PAID");
        fixture.given(created(CreditNoteType.OFFSET))
                .when(new FinalizeCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectNoEvents();
        assertThat(numbers.get()).isZero();
    }

    @Test
    void onlyADraftIsFinalized() {
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1))
                .when(new FinalizeCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), voided(CreditNoteStatus.DRAFT, null))
                .when(new FinalizeCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectExceptionMessage(containsString("VOIDED"))
                .expectNoEvents();
        assertThat(numbers.get()).isZero();
    }

    // ---- consumption by later invoices

    @Test
    void laterInvoicesConsumeTheCreditAndCarryTheRestForward() {
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(30_000)))
                .expectEvents(new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(30_000), kes(20_000)));
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(30_000), kes(20_000)))
                .when(new ConsumeCreditNoteCommand(ID, "inv_later", kes(20_000)))
                .expectEvents(new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_later", kes(20_000), kes(0)));
    }

    @Test
    void consumingIsIdempotentPerInvoiceAndNeverMoreThanTheRemainingCredit() {
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(30_000), kes(20_000)))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(30_000)))
                .expectSuccessfulHandlerExecution().expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(30_000), kes(20_000)))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(10_000)))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(30_000), kes(20_000)))
                .when(new ConsumeCreditNoteCommand(ID, "inv_later", kes(20_001)))
                .expectException(ConflictException.class).expectExceptionMessage(containsString("200.00 KES"))
                .expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(0)))
                .expectException(ValidationException.class).expectNoEvents();
    }

    @Test
    void onlyAFinalizedCreditIsConsumed() {
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(1)))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(CreditNoteType.OFFSET), finalized(CreditNoteType.OFFSET, 1))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(1)))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        voided(CreditNoteStatus.FINALIZED, "CN-000001"))
                .when(new ConsumeCreditNoteCommand(ID, "inv_next", kes(1)))
                .expectException(ConflictException.class).expectNoEvents();
    }

    // ---- void

    @Test
    void aDraftOrAnUnconsumedCreditIsVoidedAndReleased() {
        fixture.given(created(CreditNoteType.CREDIT))
                .when(new VoidCreditNoteCommand(ID))
                .expectEvents(voided(CreditNoteStatus.DRAFT, null));
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 3))
                .when(new VoidCreditNoteCommand(ID))
                .expectEvents(voided(CreditNoteStatus.FINALIZED, "CN-000003"));
        assertThat(sentToInvoice).containsExactly(new ReleaseInvoiceCreditCommand(INVOICE, ID),
                new ReleaseInvoiceCreditCommand(INVOICE, ID));
    }

    @Test
    void consumedCreditAnAppliedOffsetOrAVoidedNoteIsNotVoided() {
        fixture.given(created(CreditNoteType.CREDIT), finalized(CreditNoteType.CREDIT, 1),
                        new CreditNoteConsumedEvent(ID, CUSTOMER, "inv_next", kes(1), kes(49_999)))
                .when(new VoidCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectExceptionMessage(containsString("inv_next"))
                .expectNoEvents();
        fixture.given(created(CreditNoteType.OFFSET), finalized(CreditNoteType.OFFSET, 1))
                .when(new VoidCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectExceptionMessage(containsString("OFFSET"))
                .expectNoEvents();
        fixture.given(created(CreditNoteType.CREDIT), voided(CreditNoteStatus.DRAFT, null))
                .when(new VoidCreditNoteCommand(ID))
                .expectException(ConflictException.class).expectExceptionMessage(containsString("already VOIDED"))
                .expectNoEvents();
        assertThat(sentToInvoice).isEmpty();
    }

    @Test
    void numbersAreFormattedWithSixDigits() {
        assertThat(CreditNoteNumbers.format(1)).isEqualTo("CN-000001");
        assertThat(CreditNoteNumbers.format(1_234_567)).isEqualTo("CN-1234567");
    }

    // ---- helpers

    private static Money kes(long minor) {
        return Money.ofMinor(minor, CurrencyCode.KES);
    }

    private static CreateCreditNoteCommand create(CreditNoteType type, List<CreditNoteItem> items) {
        return new CreateCreditNoteCommand(ID, INVOICE, CUSTOMER, CurrencyCode.KES, type,
                CreditNoteReason.PRODUCT_UNSATISFACTORY, "Service outage", items);
    }

    private static CreditNoteCreatedEvent created(CreditNoteType type) {
        return new CreditNoteCreatedEvent(ID, INVOICE, CUSTOMER, CurrencyCode.KES, type,
                CreditNoteReason.PRODUCT_UNSATISFACTORY, "Service outage", ITEMS, kes(50_000));
    }

    private static CreditNoteFinalizedEvent finalized(CreditNoteType type, long number) {
        return new CreditNoteFinalizedEvent(ID, INVOICE, CUSTOMER, CurrencyCode.KES, type,
                CreditNoteNumbers.format(number), number, NOW, kes(50_000),
                type == CreditNoteType.CREDIT ? kes(50_000) : kes(0));
    }

    private static CreditNoteVoidedEvent voided(CreditNoteStatus from, String number) {
        return new CreditNoteVoidedEvent(ID, INVOICE, CUSTOMER, from, number, NOW);
    }
}
