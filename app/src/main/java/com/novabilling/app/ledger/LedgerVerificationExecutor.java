package com.novabilling.app.ledger;

import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run ledger verifications on this node: {@code novabilling.ledger.verification.threads} of them
 * (default 1), with at most {@code queue-capacity} runs waiting; more is refused. A component holding its pool rather
 * than an {@code Executor} bean, which would displace Spring's own task executor. Stopped with the node: its running
 * verifications are interrupted (and recorded FAILED if the database still answers).
 */
@Component
class LedgerVerificationExecutor implements AutoCloseable {

    private final ThreadPoolExecutor pool;

    LedgerVerificationExecutor(LedgerVerificationProperties properties) {
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(properties.threads(), properties.threads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(properties.queueCapacity()), runnable -> {
            Thread thread = new Thread(runnable, "ledger-verification-" + threads.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @throws RejectedExecutionException the queue is full, or the node is stopping */
    void execute(Runnable run) {
        pool.execute(run);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
