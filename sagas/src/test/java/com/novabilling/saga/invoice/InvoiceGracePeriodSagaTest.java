package com.novabilling.saga.invoice;

import com.novabilling.api.invoice.FinalizeInvoiceCommand;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The grace period of a draft invoice, on the fixture's clock: it finalizes by itself when the period ends. */
class InvoiceGracePeriodSagaTest {

    private static final String INVOICE = "inv_000000000000000000000001";
    private SagaTestFixture<InvoiceGracePeriodSaga> fixture;
    private Instant created;
    private Instant graceEnds;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(InvoiceGracePeriodSaga.class);
        fixture.registerCommandGateway(CommandGateway.class); // the tenant's gateway, a handler parameter
        created = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS); // as events carry it
        graceEnds = created.plus(Duration.ofDays(3));
    }

    private InvoiceCreatedEvent created(Instant finalizeAt) {
        Money fee = Money.ofMinor(300000, CurrencyCode.KES);
        Money zero = Money.zero(CurrencyCode.KES);
        InvoiceLine line = new InvoiceLine(InvoiceLineType.SUBSCRIPTION, "Basic", BigDecimal.ONE, fee.toMajor(), fee,
                created, created.plus(Duration.ofDays(30)), null, "plan_1", null, null, List.of(), null);
        return new InvoiceCreatedEvent(INVOICE, "cus_1", "sub_1", CurrencyCode.KES, created,
                created.plus(Duration.ofDays(30)), null, null, Map.of(), List.of(line),
                new InvoiceTotals(fee, zero, zero, fee, zero, zero, zero, fee), finalizeAt, null);
    }

    private InvoiceFinalizedEvent finalized() {
        Money fee = Money.ofMinor(300000, CurrencyCode.KES);
        Money zero = Money.zero(CurrencyCode.KES);
        return new InvoiceFinalizedEvent(INVOICE, "cus_1", "sub_1", CurrencyCode.KES, "INV-000001", 1, graceEnds,
                graceEnds, 0, new InvoiceTotals(fee, zero, zero, fee, zero, zero, zero, fee));
    }

    @Test
    void aDraftWithAGracePeriodWaitsForItsEnd() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created(graceEnds))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(graceEnds, InvoiceGracePeriodSaga.GRACE_PERIOD_ENDED)
                .expectNoDispatchedCommands();
    }

    @Test
    void nothingIsSentBeforeTheGracePeriodEnds() {
        fixture.givenAPublished(created(graceEnds))
                .whenTimeElapses(Duration.ofDays(3).minusSeconds(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void whenTheGracePeriodEndsTheInvoiceIsFinalized() {
        fixture.givenAPublished(created(graceEnds))
                .whenTimeElapses(Duration.ofDays(3))
                .expectSuccessfulHandlerExecution()
                .expectTriggeredDeadlinesWithName(InvoiceGracePeriodSaga.GRACE_PERIOD_ENDED)
                .expectDispatchedCommands(new FinalizeInvoiceCommand(INVOICE));
    }

    @Test
    void theFinalizationEndsTheFlow() {
        fixture.givenAPublished(created(graceEnds))
                .whenPublishingA(finalized())
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aDraftVoidedDuringItsGracePeriodIsNeverFinalized() {
        fixture.givenAPublished(created(graceEnds))
                .andThenAPublished(new InvoiceVoidedEvent(INVOICE, "cus_1", InvoiceStatus.DRAFT, null,
                        created.plus(Duration.ofDays(1))))
                .whenTimeElapses(Duration.ofDays(4))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aDraftWithoutGracePeriodStartsNoFlow() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(created(null))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
