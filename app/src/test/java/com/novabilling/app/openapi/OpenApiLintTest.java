package com.novabilling.app.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The served OpenAPI document passes {@code redocly lint} with no error and no warning: the rules are
 * {@code src/test/redocly/redocly.yaml} (the recommended set, stricter), the accepted findings, each with its reason,
 * {@code src/test/redocly/.redocly.lint-ignore.yaml}.
 * <p>
 * The CLI is the version pinned by {@code src/test/redocly/package-lock.json}, installed by this test with
 * {@code npm ci} into {@code target/redocly} when that directory lacks it: the build needs the machine's Node.js
 * (&gt;= 20.19) and npm, and the npm registry the first time after a clean; nothing installed by hand. Without them the
 * test fails, saying so.
 */
class OpenApiLintTest extends IntegrationTest {

    private static final Path LINT_SOURCES = Path.of("src/test/redocly");
    private static final Path LINT_HOME = Path.of("target/redocly");
    private static final Path CLI = Path.of("node_modules/@redocly/cli/bin/cli.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void servedDocumentPassesTheRedoclyLintWithoutErrorsOrWarnings() throws Exception {
        installPinnedCli();
        for (String file : List.of("redocly.yaml", ".redocly.lint-ignore.yaml")) {
            Files.copy(LINT_SOURCES.resolve(file), LINT_HOME.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Api.Response served = api().get("/api/openapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        Files.writeString(LINT_HOME.resolve("openapi.json"), served.text(), StandardCharsets.UTF_8);

        Result lint = run(List.of("node", CLI.toString(), "lint", "--config", "redocly.yaml", "--format", "json",
                "--max-problems", "10000", "openapi.json"), 120);
        JsonNode report = parseReport(lint);
        assertThat(report.path("problems").isArray() && report.path("totals").isObject())
                .as("redocly lint's JSON report has problems and totals:\n" + lint.stdout()).isTrue();
        List<String> problems = new ArrayList<>();
        report.path("problems").forEach(problem -> {
            if (!problem.path("ignored").asBoolean()) {
                problems.add(problem.path("severity").asText() + " " + problem.path("ruleId").asText() + " at "
                        + problem.at("/location/0/pointer").asText() + ": " + problem.path("message").asText());
            }
        });
        assertThat(problems).as("redocly lint of " + LINT_HOME.resolve("openapi.json").toAbsolutePath()).isEmpty();
        assertThat(report.at("/totals/errors").asInt()).as("errors").isZero();
        assertThat(report.at("/totals/warnings").asInt()).as("warnings").isZero();
        assertThat(lint.exitCode()).as(lint.stderr()).isZero();
    }

    private static JsonNode parseReport(Result lint) {
        try {
            return JSON.readTree(lint.stdout());
        } catch (IOException e) {
            return fail("redocly lint did not answer its JSON report (exit " + lint.exitCode() + "):\n" + lint.stdout()
                    + "\n" + lint.stderr());
        }
    }

    /** {@code npm ci} from the committed lock file, unless target/redocly already holds that exact install. */
    private static void installPinnedCli() throws IOException, InterruptedException {
        Path lock = LINT_SOURCES.resolve("package-lock.json");
        Path installedLock = LINT_HOME.resolve("package-lock.json");
        boolean installed = Files.exists(LINT_HOME.resolve(CLI)) && Files.exists(installedLock);
        if (installed && Files.mismatch(lock, installedLock) == -1) {
            return;
        }
        Files.createDirectories(LINT_HOME);
        Files.copy(LINT_SOURCES.resolve("package.json"), LINT_HOME.resolve("package.json"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(lock, installedLock, StandardCopyOption.REPLACE_EXISTING);
        Result install = run(List.of("npm", "ci", "--no-audit", "--no-fund"), 300);
        assertThat(install.exitCode()).as("npm ci of the pinned Redocly CLI:\n" + install.stdout() + install.stderr())
                .isZero();
        assertThat(LINT_HOME.resolve(CLI)).as("the Redocly CLI after npm ci").exists();
    }

    private record Result(int exitCode, String stdout, String stderr) {
    }

    /** Runs in target/redocly; the CLI sends no telemetry and looks for no update, so the lint reaches no server. */
    private static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(LINT_HOME.toFile());
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Path stdout = Files.createTempFile("redocly-out-", ".txt");
        Path stderr = Files.createTempFile("redocly-err-", ".txt");
        try {
            Process process;
            try {
                process = builder.redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            } catch (IOException e) {
                return fail("Linting the OpenAPI document needs Node.js (>= 20.19) and npm on the PATH; could not run '"
                        + command.get(0) + "': " + e.getMessage());
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
