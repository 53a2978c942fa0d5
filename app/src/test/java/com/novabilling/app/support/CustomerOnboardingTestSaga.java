package com.novabilling.app.support;

import com.novabilling.api.customer.CustomerCreatedEvent;
import com.novabilling.api.customer.CustomerDeletedEvent;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * A test-only saga, registered in every tenant's configuration like a real one, so the isolation tests can prove
 * where saga state is stored.
 */
@Saga
public class CustomerOnboardingTestSaga {

    public String customerId;

    @StartSaga
    @SagaEventHandler(associationProperty = "customerId")
    public void on(CustomerCreatedEvent event) {
        this.customerId = event.customerId();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "customerId")
    public void on(CustomerDeletedEvent event) {
        this.customerId = null;
    }
}
