package com.novabilling.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the start-up check takes for a PostgreSQL left running on our data directory, and what it never touches:
 * another program under a reused pid, another data directory's server, a server whose owner still runs.
 * The real orphan of a killed server is {@link KilledServerRestartTest}'s.
 */
class EmbeddedPostmasterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A server run by this JVM, which therefore holds its owner lock: never an orphan. */
    private static EmbeddedPostgres owned;
    private static Path ownedDir;

    @BeforeAll
    static void startServer() throws IOException {
        ownedDir = Files.createTempDirectory("novabilling-postmaster-");
        owned = EmbeddedPostgres.builder().setDataDirectory(ownedDir).start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (owned != null) {
            owned.close(); // deletes its data directory
        }
    }

    @Test
    void theServerIsRecognisedByItsProcessAndItsChildrenAreNot() throws Exception {
        long postmaster = pidIn(ownedDir);
        assertThat(EmbeddedPostmaster.isPostmasterOf(postmaster, ownedDir)).isEqualTo(EmbeddedPostmaster.Identity.OURS);
        assertThat(EmbeddedPostmaster.running(ownedDir)).map(EmbeddedPostmaster::pid).hasValue(postmaster);

        List<ProcessHandle> children = ProcessHandle.of(postmaster).orElseThrow().children().toList();
        assertThat(children).as("checkpointer, walwriter…").isNotEmpty();
        for (ProcessHandle child : children) {
            assertThat(EmbeddedPostmaster.isPostmasterOf(child.pid(), ownedDir))
                    .as("child " + child.info().commandLine().orElse("?")).isEqualTo(EmbeddedPostmaster.Identity.NOT_OURS);
        }
    }

    @Test
    void aServerWhoseOwnerStillRunsIsNotTouched() throws Exception {
        long postmaster = pidIn(ownedDir);

        assertThatThrownBy(() -> EmbeddedPostmaster.stopOrphan(ownedDir, TIMEOUT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("belongs to another running process");

        assertThat(pidIn(ownedDir)).isEqualTo(postmaster);
        assertServerAnswers(owned);
    }

    @Test
    void aPidFileNamingAnotherDataDirectorysServerIsRemovedAndThatServerLeftAlone(@TempDir Path ours) throws Exception {
        long theirs = pidIn(ownedDir);
        Files.writeString(ours.resolve(EmbeddedPostmaster.PID_FILE), theirs + "\n" + ownedDir + "\n");

        assertThat(EmbeddedPostmaster.isPostmasterOf(theirs, ours)).isEqualTo(EmbeddedPostmaster.Identity.NOT_OURS);
        EmbeddedPostmaster.stopOrphan(ours, TIMEOUT);

        assertThat(ours.resolve(EmbeddedPostmaster.PID_FILE)).doesNotExist();
        assertThat(pidIn(ownedDir)).isEqualTo(theirs);
        assertServerAnswers(owned);
    }

    @Test
    void aPidFileNamingAProgramThatIsNotPostgresIsRemovedAndTheProgramLeftAlone(@TempDir Path ours) throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "600").start();
        try {
            Files.writeString(ours.resolve(EmbeddedPostmaster.PID_FILE), sleeper.pid() + "\n" + ours + "\n");

            EmbeddedPostmaster.stopOrphan(ours, TIMEOUT);

            assertThat(ours.resolve(EmbeddedPostmaster.PID_FILE)).doesNotExist();
            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void aStalePidFileOfAProcessGoneIsLeftToPostgresqlWhichStartsAnyway(@TempDir Path ours) throws Exception {
        Path pgDir = ours.resolve("postgres");
        EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).start().close();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(pgDir.resolve(EmbeddedPostmaster.PID_FILE), gone.pid() + "\n" + pgDir + "\n");

        EmbeddedPostmaster.stopOrphan(pgDir, TIMEOUT);

        try (EmbeddedPostgres restarted = EmbeddedPostgres.builder().setDataDirectory(pgDir).setCleanDataDirectory(false).start()) {
            assertServerAnswers(restarted);
        }
    }

    private static long pidIn(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve(EmbeddedPostmaster.PID_FILE)).get(0).trim());
    }

    private static void assertServerAnswers(EmbeddedPostgres server) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT 1")) {
            assertThat(rs.next()).isTrue();
        }
    }
}
