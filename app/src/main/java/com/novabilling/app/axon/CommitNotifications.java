package com.novabilling.app.axon;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Tells the other nodes of a cluster that a tenant's events were committed here, and this node of theirs:
 * PostgreSQL {@code NOTIFY} on the control database (one channel for all tenants, so each node needs one listening
 * connection, not one per tenant database). Commits are coalesced per tenant between two sends, so a burst costs a
 * notification or two. A node that loses its listening connection reconnects and then wakes every tenant it runs,
 * since notifications sent meanwhile are gone; the processors' safety check covers anything else.
 */
public final class CommitNotifications implements AutoCloseable {

    static final String CHANNEL = "novabilling_commits";
    private static final Logger log = LoggerFactory.getLogger(CommitNotifications.class);

    private final HikariDataSource control;
    private final String nodeId = UUID.randomUUID().toString();
    private final Consumer<String> committedElsewhere;
    private final Runnable missedSomeNotifications;
    private final Set<String> toAnnounce = ConcurrentHashMap.newKeySet();
    private final Object announcements = new Object();
    private final Thread sender;
    private final Thread listener;
    private volatile boolean running = true;
    private volatile boolean listening;

    /**
     * @param committedElsewhere      called with a tenant id when another node committed events of that tenant
     * @param missedSomeNotifications called after the listening connection was re-established
     */
    public CommitNotifications(HikariDataSource control, Consumer<String> committedElsewhere,
                               Runnable missedSomeNotifications) {
        this.control = control;
        this.committedElsewhere = committedElsewhere;
        this.missedSomeNotifications = missedSomeNotifications;
        this.sender = daemon("commit-notifier", this::sendLoop);
        this.listener = daemon("commit-listener", this::listenLoop);
        listener.start();
        sender.start();
    }

    private static Thread daemon(String name, Runnable loop) {
        Thread thread = new Thread(loop, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Events of this tenant were committed on this node. */
    public void committed(String tenantId) {
        if (toAnnounce.add(tenantId)) {
            synchronized (announcements) {
                announcements.notifyAll();
            }
        }
    }

    /** Whether this node is listening now (for health and tests). */
    public boolean isListening() {
        return listening;
    }

    private void sendLoop() {
        while (running) {
            try {
                synchronized (announcements) {
                    while (running && toAnnounce.isEmpty()) {
                        announcements.wait(1_000);
                    }
                }
                if (!running) {
                    return;
                }
                try (Connection connection = control.getConnection();
                     PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
                    for (String tenantId : toAnnounce) {
                        toAnnounce.remove(tenantId);
                        notify.setString(1, CHANNEL);
                        notify.setString(2, nodeId + " " + tenantId);
                        notify.execute();
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (SQLException | RuntimeException e) {
                log.warn("could not notify other nodes of commits: {}", e.toString());
                pause(1_000);
            }
        }
    }

    private void listenLoop() {
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = control.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                listening = true;
                if (reconnecting) {
                    missedSomeNotifications.run();
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(5_000);
                    if (notifications == null) {
                        continue;
                    }
                    for (PGNotification notification : notifications) {
                        deliver(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    log.warn("listening for other nodes' commits failed, reconnecting: {}", e.toString());
                    reconnecting = true;
                    pause(1_000);
                }
            }
        }
    }

    private void deliver(String payload) {
        int space = payload.indexOf(' ');
        if (space < 0 || payload.substring(0, space).equals(nodeId)) {
            return; // our own, or not ours to read
        }
        try {
            committedElsewhere.accept(payload.substring(space + 1));
        } catch (RuntimeException e) {
            log.warn("waking tenant {} after another node's commit failed: {}", payload.substring(space + 1), e.toString());
        }
    }

    private void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        synchronized (announcements) {
            announcements.notifyAll();
        }
        sender.join(10_000);
        listener.join(10_000);
    }
}
