package com.novabilling.saga.wallet;

import com.novabilling.api.wallet.ExpireWalletCommand;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletTerminatedEvent;
import com.novabilling.api.wallet.WalletUpdatedEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

import java.time.Instant;

/**
 * A wallet expires at its {@code expirationAt} on the tenant's clock (docs/billing-rules.md §15): what remains is voided
 * and the wallet ends. The deadline follows the expiry as it is changed or removed, and is durable (the tenant's
 * deadline manager keeps it in the tenant's database), so a restart or another node delivers it; the wallet ignores
 * a stale one. The flow lives as long as the wallet.
 */
@Saga
public class WalletExpirySaga {

    static final String EXPIRED = "wallet-expired";

    private String walletId;
    private Instant expirationAt;

    @StartSaga
    @SagaEventHandler(associationProperty = "walletId")
    public void on(WalletCreatedEvent event, DeadlineManager deadlines) {
        walletId = event.walletId();
        schedule(event.expirationAt(), deadlines);
    }

    @SagaEventHandler(associationProperty = "walletId")
    public void on(WalletUpdatedEvent event, DeadlineManager deadlines) {
        if (event.expirationAt() == null ? expirationAt == null : event.expirationAt().equals(expirationAt)) {
            return;
        }
        deadlines.cancelAllWithinScope(EXPIRED);
        schedule(event.expirationAt(), deadlines);
    }

    @DeadlineHandler(deadlineName = EXPIRED)
    public void on(WalletExpired deadline, CommandGateway commands) {
        commands.sendAndWait(new ExpireWalletCommand(deadline.walletId()));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "walletId")
    public void on(WalletTerminatedEvent event, DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(EXPIRED);
    }

    /** The deadline's payload (a handler's first parameter is its payload; the gateway comes after it). */
    public record WalletExpired(String walletId) {
    }

    private void schedule(Instant at, DeadlineManager deadlines) {
        expirationAt = at;
        if (at != null) {
            deadlines.schedule(at, EXPIRED, new WalletExpired(walletId));
        }
    }
}
