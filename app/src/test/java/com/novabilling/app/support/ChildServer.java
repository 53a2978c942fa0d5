package com.novabilling.app.support;

import com.novabilling.app.NovaBillingApplication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The application in a JVM of its own (this test JVM's classpath), so that a test can kill it as an operator or
 * the kernel would: SIGKILL, no shutdown hook. Its output goes to a log file next to the data directory.
 */
public final class ChildServer {

    private final Process process;
    private final int port;
    private final Path log;

    private ChildServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server on {@code dataDir} (durable embedded PostgreSQL) and waits for {@code /health} to answer 200.
     * Its log is {@code <name>.log} beside the data directory.
     */
    public static ChildServer start(Path dataDir, String name, Duration startTimeout) {
        return start(dataDir, name, startTimeout, List.of());
    }

    /** As {@link #start(Path, String, Duration)}, with more arguments for the application ({@code --name=value}). */
    public static ChildServer start(Path dataDir, String name, Duration startTimeout, List<String> arguments) {
        int port = freePort();
        Path log = dataDir.resolveSibling(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"),
                NovaBillingApplication.class.getName(),
                "--server.port=" + port,
                "--novabilling.data-dir=" + dataDir,
                "--novabilling.database.embedded-durable=true",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=1"));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildServer server = new ChildServer(process, port, log);
        // should this test JVM be stopped before the test's own cleanup runs: a SIGTERM stops the server and its database
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (process.isAlive()) {
                server.stop(Duration.ofSeconds(30));
            }
        }, "stop-" + name));
        try {
            await("/health of " + name).atMost(startTimeout).pollInterval(Duration.ofMillis(200))
                    .until(server::healthy);
        } catch (RuntimeException | Error e) {
            server.kill();
            throw new AssertionError(name + " did not become healthy; its log ends with:\n" + server.logTail(), e);
        }
        return server;
    }

    public Api api() {
        return new Api(port);
    }

    public long pid() {
        return process.pid();
    }

    /** SIGKILL (Process.destroyForcibly on Linux), then waits for the JVM to be gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server JVM " + process.pid() + " survived SIGKILL for 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM and a wait for the JVM to exit (its shutdown hook stops PostgreSQL); SIGKILL if it takes too long. */
    public boolean stop(Duration timeout) {
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        kill();
        return false;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean healthy() {
        if (!process.isAlive()) {
            throw new IllegalStateException("the server exited with " + process.exitValue());
        }
        try {
            return api().get("/health", null).status() == 200;
        } catch (UncheckedIOException notListeningYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
