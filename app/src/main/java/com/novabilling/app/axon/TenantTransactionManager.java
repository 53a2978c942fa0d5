package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs every Axon transaction of one tenant with that tenant bound in {@link TenantContext}, from begin to
 * commit or rollback, restoring the previous binding in all cases (the upstream extension's wrapper clears its
 * marker right after begin and has no try/finally). Joining a transaction of another tenant is refused.
 */
final class TenantTransactionManager implements TransactionManager {

    private final String tenantId;
    private final TransactionManager delegate;

    TenantTransactionManager(String tenantId, TransactionManager delegate) {
        this.tenantId = tenantId;
        this.delegate = delegate;
    }

    @Override
    public Transaction startTransaction() {
        String bound = TenantContext.current().orElse(null);
        if (bound != null && !bound.equals(tenantId) && TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("work of tenant " + tenantId + " inside a transaction of tenant " + bound);
        }
        TenantContext.Scope scope = TenantContext.open(tenantId);
        Transaction transaction;
        try {
            transaction = delegate.startTransaction();
        } catch (RuntimeException | Error e) {
            scope.close();
            throw e;
        }
        return new Transaction() {
            @Override
            public void commit() {
                try {
                    transaction.commit();
                } finally {
                    scope.close();
                }
            }

            @Override
            public void rollback() {
                try {
                    transaction.rollback();
                } finally {
                    scope.close();
                }
            }
        };
    }
}
