package com.novabilling.app.web;

import com.novabilling.api.error.Causes;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached or refused a connection — the node's connection
 * budget is spent, the server has no connection left, or the connection broke mid-request — which the API answers
 * with 503 and {@code Retry-After}, never 500: nothing was written, and the same request may succeed shortly.
 */
public final class DatabaseUnavailable {

    /** Seconds a client is asked to wait before retrying. */
    public static final String RETRY_AFTER_SECONDS = "2";
    public static final String MESSAGE = "The database is busy or unreachable; nothing was changed. Retry shortly";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        return Causes.of(failure).anyMatch(t -> t instanceof SQLTransientConnectionException
                || t instanceof SQLNonTransientConnectionException || t instanceof JDBCConnectionException
                || t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                || t instanceof SQLException sql && connectionState(sql));
    }

    private static boolean connectionState(SQLException e) {
        for (SQLException next = e; next != null; next = next.getNextException()) {
            String state = next.getSQLState();
            if (state != null && (state.startsWith("08")        // connection exception
                    || state.equals("53300")                     // too many connections
                    || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"))) { // shut down / terminated
                return true;
            }
        }
        return false;
    }
}
