package com.novabilling.app.axon;

import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Transactions of a projection's processor commit without waiting for the disk flush
 * ({@code synchronous_commit = off}, this transaction only). A crash may lose the last few of them, but each holds
 * its read-model rows together with the processor's token, so what is lost is replayed from the event store —
 * which every command still commits durably. It saves a flush on the path a read right after a write waits for.
 */
final class AsynchronousCommits implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;

    AsynchronousCommits(TransactionManager delegate, DataSource dataSource) {
        this.delegate = delegate;
        this.dataSource = dataSource;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("cannot start a projection transaction: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return transaction;
    }
}
