package com.novabilling.saga.wallet;

import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.wallet.ExpireWalletCommand;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** A wallet's expiry on the fixture's clock: the deadline follows {@code expirationAt} and ends with the wallet. */
class WalletExpirySagaTest {

    private static final String WALLET = "wal_000000000000000000000001";
    private SagaTestFixture<WalletExpirySaga> fixture;
    private Instant now;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(WalletExpirySaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        now = fixture.currentTime().truncatedTo(ChronoUnit.MILLIS);
    }

    private WalletCreatedEvent created(Instant expirationAt) {
        return new WalletCreatedEvent(WALLET, "cus_1", "Main", CurrencyCode.USD, BigDecimal.ONE, 50, expirationAt,
                false, Map.of(), now);
    }

    @Test
    void aWalletWithAnExpiryWaitsForIt() {
        Instant expiry = now.plus(Duration.ofDays(30));
        fixture.givenNoPriorActivity()
                .whenPublishingA(created(expiry))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(expiry, WalletExpirySaga.EXPIRED)
                .expectNoDispatchedCommands();
    }

    @Test
    void nothingIsSentBeforeTheExpiry() {
        fixture.givenAPublished(created(now.plus(Duration.ofDays(30))))
                .whenTimeElapses(Duration.ofDays(30).minusSeconds(1))
                .expectNoDispatchedCommands();
    }

    @Test
    void atTheExpiryTheWalletIsExpired() {
        fixture.givenAPublished(created(now.plus(Duration.ofDays(30))))
                .whenTimeElapses(Duration.ofDays(30))
                .expectTriggeredDeadlinesWithName(WalletExpirySaga.EXPIRED)
                .expectDispatchedCommands(new ExpireWalletCommand(WALLET));
    }

    @Test
    void aWalletWithoutAnExpiryWaitsForOneToBeSet() {
        Instant expiry = now.plus(Duration.ofDays(7));
        fixture.givenAPublished(created(null))
                .whenPublishingA(new WalletUpdatedEvent(WALLET, "Main", expiry, 50))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(expiry, WalletExpirySaga.EXPIRED);
    }

    @Test
    void movingTheExpiryMovesTheDeadline() {
        Instant first = now.plus(Duration.ofDays(7));
        Instant later = now.plus(Duration.ofDays(14));
        fixture.givenAPublished(created(first))
                .andThenAPublished(new WalletUpdatedEvent(WALLET, "Main", later, 50))
                .whenTimeElapses(Duration.ofDays(8))
                .expectNoDispatchedCommands()
                .expectScheduledDeadlineWithName(later, WalletExpirySaga.EXPIRED);
    }

    @Test
    void aTerminatedWalletEndsTheFlow() {
        fixture.givenAPublished(created(now.plus(Duration.ofDays(7))))
                .whenPublishingA(new WalletTerminatedEvent(WALLET, "cus_1", now, false))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }
}
