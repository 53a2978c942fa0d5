package com.novabilling.command.invoice;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceEmailAttemptedEvent;
import com.novabilling.api.invoice.InvoiceEmailOutcome;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.RecordInvoiceEmailAttemptCommand;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An issued invoice records each attempt to e-mail it, sent or failed; a draft is not sent (issue 12 item 8). */
class InvoiceEmailAttemptTest {

    private static final String ID = "inv_0123456789abcdef01234567";
    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final Money TOTAL = Money.ofMinor(150_000, CurrencyCode.KES);
    private static final Money ZERO = Money.zero(CurrencyCode.KES);
    private static final InvoiceTotals TOTALS = new InvoiceTotals(TOTAL, ZERO, ZERO, TOTAL, ZERO, ZERO, ZERO, TOTAL);
    private static final InvoiceCreatedEvent CREATED = new InvoiceCreatedEvent(ID, "cus_1", null, CurrencyCode.KES,
            null, null, null, null, Map.of(), List.of(new InvoiceLine(InvoiceLineType.ITEM, "Work", BigDecimal.ONE,
            new BigDecimal("1500"), TOTAL, null, null, null, null, null, null, List.of(), null)), TOTALS, null, null);
    private static final InvoiceFinalizedEvent FINALIZED = new InvoiceFinalizedEvent(ID, "cus_1", null,
            CurrencyCode.KES, "INV-000001", 1, NOW, NOW, 0, TOTALS);

    private FixtureConfiguration<Invoice> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Invoice.class);
    }

    @Test
    void aSentAndAFailedAttemptAreRecordedOnAFinalizedInvoice() {
        fixture.given(CREATED, FINALIZED)
                .when(new RecordInvoiceEmailAttemptCommand(ID, NOW.plusNanos(1_234_567), "jane@example.com",
                        InvoiceEmailOutcome.SENT, "Sent to jane@example.com"))
                .expectEvents(new InvoiceEmailAttemptedEvent(ID, NOW.plusMillis(1), "jane@example.com",
                        InvoiceEmailOutcome.SENT, "Sent to jane@example.com"));
        fixture.given(CREATED, FINALIZED)
                .when(new RecordInvoiceEmailAttemptCommand(ID, NOW, "nobody@example.com", InvoiceEmailOutcome.FAILED,
                        "550 5.1.1 No such user here"))
                .expectEvents(new InvoiceEmailAttemptedEvent(ID, NOW, "nobody@example.com",
                        InvoiceEmailOutcome.FAILED, "550 5.1.1 No such user here"));
    }

    @Test
    void aVoidedInvoiceStillRecordsAnAttempt() {
        fixture.given(CREATED, FINALIZED, new InvoiceVoidedEvent(ID, "cus_1", InvoiceStatus.FINALIZED, "INV-000001", NOW))
                .when(new RecordInvoiceEmailAttemptCommand(ID, NOW, "jane@example.com", InvoiceEmailOutcome.SENT, "ok"))
                .expectEvents(new InvoiceEmailAttemptedEvent(ID, NOW, "jane@example.com", InvoiceEmailOutcome.SENT, "ok"));
    }

    @Test
    void aDraftIsNotSentAndAnAttemptNeedsItsFacts() {
        fixture.given(CREATED)
                .when(new RecordInvoiceEmailAttemptCommand(ID, NOW, "jane@example.com", InvoiceEmailOutcome.SENT, "ok"))
                .expectException(ConflictException.class).expectNoEvents();
        fixture.given(CREATED, FINALIZED)
                .when(new RecordInvoiceEmailAttemptCommand(ID, NOW, "jane@example.com", null, "ok"))
                .expectException(ValidationException.class).expectNoEvents();
    }
}
