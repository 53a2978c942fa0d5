package com.novabilling.app.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The postmaster (main process) of the embedded PostgreSQL, as named by {@code postmaster.pid} in its data directory.
 * <p>
 * pg_ctl starts the postmaster in a session of its own, so it outlives a JVM killed with SIGKILL (or by the OOM
 * killer) and keeps its {@code postmaster.pid}; the next start would then fail with {@code lock file
 * "postmaster.pid" already exists}. {@link #stopOrphan} finds such a server and stops it before the new start.
 * A process is taken for our postmaster only when /proc shows a {@code postgres} program whose working directory
 * (the postmaster changes into its data directory) or {@code -D} argument is this data directory; server children
 * rewrite their command line ({@code postgres: checkpointer}), so they never match.
 */
final class EmbeddedPostmaster {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostmaster.class);

    static final String PID_FILE = "postmaster.pid";
    /**
     * zonky's lock file in the data directory, held (an OS file lock, gone with its process) by the JVM that runs the
     * server: while another live process holds it, the server in this directory is not an orphan.
     */
    static final String OWNER_LOCK_FILE = "epg-lock";
    /** After SIGQUIT the postmaster kills its children within 5 s and exits. */
    private static final Duration IMMEDIATE_SHUTDOWN_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(50);

    private final Path dataDirectory;
    private final ProcessHandle process;

    private EmbeddedPostmaster(Path dataDirectory, ProcessHandle process) {
        this.dataDirectory = dataDirectory;
        this.process = process;
    }

    /** The postmaster running on this data directory, if its pid file names a live one; empty without /proc. */
    static Optional<EmbeddedPostmaster> running(Path dataDirectory) {
        return livePidFromPidFile(dataDirectory)
                .filter(process -> isPostmasterOf(process.pid(), dataDirectory) == Identity.OURS)
                .map(process -> new EmbeddedPostmaster(dataDirectory, process));
    }

    /**
     * Before the embedded server starts: stops a postmaster that a previous run of this application left running on
     * this data directory (fast shutdown, then immediate shutdown if it does not exit within {@code timeout}), and
     * removes a pid file whose pid now belongs to another process. Nothing is deleted but that file: PostgreSQL's own
     * recovery brings back every committed transaction. A pid file naming a process that no longer exists is left to
     * PostgreSQL, which replaces it.
     *
     * @throws IllegalStateException when another live process runs the server of this directory, or the orphan does
     *                               not exit
     */
    static void stopOrphan(Path dataDirectory, Duration timeout) {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve(OWNER_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock owner = tryLock(channel);
            if (owner == null) {
                throw new IllegalStateException("the embedded PostgreSQL in " + dataDirectory + " belongs to another "
                        + "running process (it holds " + OWNER_LOCK_FILE + "): stop that server first, or give this "
                        + "one another NOVABILLING_DATA_DIR");
            }
            try {
                stopOrphanWhileOwner(dataDirectory, pidFile, timeout);
            } finally {
                owner.release(); // zonky takes this lock itself right after
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check " + pidFile + " for a PostgreSQL left running", e);
        }
    }

    private static void stopOrphanWhileOwner(Path dataDirectory, Path pidFile, Duration timeout) throws IOException {
        Optional<Long> pid = pidIn(pidFile);
        if (pid.isEmpty()) {
            log.warn("{} has no readable pid: left to PostgreSQL", pidFile);
            return;
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || pid.get() == ProcessHandle.current().pid()) {
            log.info("{} names pid {}, which is not a running server: a stale pid file, which PostgreSQL replaces",
                    pidFile, pid.get());
            return;
        }
        switch (isPostmasterOf(pid.get(), dataDirectory)) {
            case OURS -> {
                log.warn("The embedded PostgreSQL of a previous run (pid {}) still runs on {}, left behind by a crash: "
                        + "stopping it before starting", pid.get(), dataDirectory);
                EmbeddedPostmaster orphan = new EmbeddedPostmaster(dataDirectory, process.get());
                if (!orphan.stop(timeout)) {
                    throw new IllegalStateException("the PostgreSQL left running on " + dataDirectory + " (pid "
                            + pid.get() + ") did not stop");
                }
                log.info("The PostgreSQL left running by the previous run is stopped");
            }
            case NOT_OURS -> {
                // PostgreSQL would refuse to start ("Is another postmaster running?") for as long as that process runs.
                log.warn("{} names pid {}, which is not a PostgreSQL server of this data directory (the pid was reused): "
                        + "removing the stale pid file", pidFile, pid.get());
                Files.deleteIfExists(pidFile);
            }
            case UNKNOWN -> log.warn("{} names the live pid {}, which cannot be inspected (no /proc?): left to PostgreSQL",
                    pidFile, pid.get());
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isRunning() {
        return process.isAlive() && !hasExited(process.pid());
    }

    /** Whether the process runs: alive and not merely waiting to be reaped. */
    static boolean isRunning(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) && !hasExited(pid);
    }

    /**
     * Fast shutdown (SIGINT: running transactions are rolled back, a checkpoint is written); if the server has not
     * exited within {@code timeout}, immediate shutdown (SIGQUIT: no checkpoint, the next start recovers from the WAL).
     * Never SIGKILL: a postmaster killed alone leaves its children attached to the shared memory, and PostgreSQL then
     * refuses to start.
     *
     * @return whether the postmaster has exited
     */
    boolean stop(Duration timeout) {
        signal("INT");
        if (awaitExit(timeout)) {
            return true;
        }
        log.warn("The embedded PostgreSQL (pid {}) did not finish its fast shutdown within {}: immediate shutdown",
                pid(), timeout);
        signal("QUIT");
        return awaitExit(IMMEDIATE_SHUTDOWN_TIMEOUT);
    }

    /** Waits for the postmaster to exit, at most {@code timeout}; whether it has. */
    boolean awaitExit(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !isRunning();
            }
        }
        return true;
    }

    /** Java can only send SIGTERM and SIGKILL; {@code kill} of the shell pg_ctl needs anyway sends the others. */
    private void signal(String signal) {
        // ProcessHandle compares the start time too: a pid reused by another process reads as not alive
        if (!isRunning()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("/bin/sh", "-c", "kill -s " + signal + " " + process.pid())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(kill.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (kill.waitFor() != 0 && isRunning()) {
                log.warn("SIG{} to the embedded PostgreSQL (pid {}) in {} failed: {}", signal, process.pid(),
                        dataDirectory, output);
            }
        } catch (IOException e) {
            log.warn("cannot send SIG{} to the embedded PostgreSQL (pid {}): {}", signal, process.pid(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    enum Identity { OURS, NOT_OURS, UNKNOWN }

    /** Whether {@code pid} is a postmaster of {@code dataDirectory}, judged from /proc. */
    static Identity isPostmasterOf(long pid, Path dataDirectory) {
        Path proc = Path.of("/proc", Long.toString(pid));
        List<String> arguments;
        try {
            arguments = List.of(new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                    .split("\0"));
        } catch (NoSuchFileException e) {
            return Files.isDirectory(Path.of("/proc/self")) ? Identity.NOT_OURS : Identity.UNKNOWN; // exited, or no /proc
        } catch (IOException e) {
            return Identity.UNKNOWN;
        }
        if (arguments.isEmpty() || !isPostgresProgram(arguments.get(0))) {
            return Identity.NOT_OURS;
        }
        Path ours;
        try {
            ours = dataDirectory.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot resolve " + dataDirectory, e);
        }
        try {
            return proc.resolve("cwd").toRealPath().equals(ours) ? Identity.OURS : Identity.NOT_OURS;
        } catch (IOException cwdNotReadable) {
            int d = arguments.indexOf("-D");
            if (d < 0 || d + 1 >= arguments.size() || !Path.of(arguments.get(d + 1)).isAbsolute()) {
                return Identity.UNKNOWN;
            }
            try {
                return Path.of(arguments.get(d + 1)).toRealPath().equals(ours) ? Identity.OURS : Identity.NOT_OURS;
            } catch (IOException e) {
                return Identity.NOT_OURS; // its data directory does not exist (any more): not ours, which does
            }
        }
    }

    /**
     * Whether the process has exited but is not reaped yet (a zombie), which ProcessHandle counts as alive: when the
     * JVM is PID 1 of a container, pg_ctl's server is re-parented to it, and nothing reaps it.
     */
    private static boolean hasExited(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.UTF_8);
            int endOfName = stat.lastIndexOf(')');
            char state = endOfName > 0 && endOfName + 2 < stat.length() ? stat.charAt(endOfName + 2) : '?';
            return state == 'Z' || state == 'X';
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isPostgresProgram(String argument0) {
        if (argument0.isEmpty()) {
            return false;
        }
        Path program = Path.of(argument0).getFileName();
        return program != null && program.toString().equals("postgres");
    }

    private static Optional<ProcessHandle> livePidFromPidFile(Path dataDirectory) {
        try {
            return pidIn(dataDirectory.resolve(PID_FILE)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                    .filter(process -> process.pid() != ProcessHandle.current().pid());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The first line of postmaster.pid is the postmaster's pid (the second its data directory, then start time, port…). */
    private static Optional<Long> pidIn(Path pidFile) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).trim());
            return pid > 0 ? Optional.of(pid) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this JVM: another embedded server of this application runs on this directory
        }
    }
}
