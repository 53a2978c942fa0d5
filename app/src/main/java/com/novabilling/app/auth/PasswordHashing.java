package com.novabilling.app.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * bcrypt (cost 10) for tenants' passwords. A hash costs about 70 ms of CPU, so a registration computes it on a
 * thread of its own while its database is being created ({@link #encodeAsync}). The threads (one per core) exist only
 * while hashing; when all are busy the caller hashes on its own thread, which is the back-pressure.
 */
@Component
public class PasswordHashing implements AutoCloseable {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    private final String timingDummyHash = bcrypt.encode(UUID.randomUUID().toString());
    private final ThreadPoolExecutor hashers = new ThreadPoolExecutor(0, Runtime.getRuntime().availableProcessors(),
            30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "password-hashing");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.CallerRunsPolicy());

    public String encode(String password) {
        return bcrypt.encode(password);
    }

    public CompletableFuture<String> encodeAsync(String password) {
        return CompletableFuture.supplyAsync(() -> bcrypt.encode(password), hashers);
    }

    /**
     * Compares against a real hash even when there is none (an unknown email, or a registration still provisioning),
     * so that takes as long as a wrong password.
     */
    public boolean matches(String password, String hashOrNull) {
        boolean usable = hashOrNull != null && hashOrNull.startsWith("$2");
        boolean matches = bcrypt.matches(password, usable ? hashOrNull : timingDummyHash);
        return usable && matches;
    }

    @Override
    public void close() {
        hashers.shutdownNow();
    }
}
