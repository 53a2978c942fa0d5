package com.novabilling.app.database;

import org.springframework.jdbc.datasource.AbstractDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Physical connections of one pool, each taken from the node's {@link ConnectionBudget}. */
final class BudgetedDataSource extends AbstractDataSource {

    private final DataSource physical;
    private final ConnectionBudget budget;

    BudgetedDataSource(DataSource physical, ConnectionBudget budget) {
        this.physical = physical;
        this.budget = budget;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return budget.open(physical);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLException("budgeted pools connect with the server's credentials only");
    }
}
