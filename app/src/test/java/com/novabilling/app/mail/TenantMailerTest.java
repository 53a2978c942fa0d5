package com.novabilling.app.mail;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.security.SecretBox;
import com.novabilling.app.security.SecurityProperties;
import com.novabilling.app.security.ServerSecrets;
import com.novabilling.app.security.Tokens;
import com.novabilling.app.tenant.TenantSettings;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a tenant send reports when it fails, against scripted SMTP servers on 127.0.0.1 (allowed here as the
 * operator would allow a local relay), with short timeouts so that no test waits long.
 */
class TenantMailerTest {

    private static final Duration TIMEOUT = Duration.ofMillis(300);

    @TempDir
    Path dataDir;

    private SecretBox secrets() {
        String key = Base64.getEncoder().encodeToString(Tokens.randomBytes(32));
        return new SecretBox(new ServerSecrets(new SecurityProperties(key, key, null, null, null, null, null), dataDir.toString()));
    }

    private TenantMailer mailer(SmtpHostPolicy.Resolver resolver) {
        MailProperties properties = new MailProperties(null, null, List.of("127.0.0.1"), TIMEOUT, TIMEOUT);
        return new TenantMailer(secrets(), new SmtpHostPolicy(properties.allowedPrivateHosts(), resolver), properties);
    }

    private TenantMailer mailer;

    @BeforeEach
    void mailerForTheRealResolver() {
        mailer = mailer(InetAddress::getAllByName);
    }

    private static TenantSettings.Smtp smtp(String host, int port) {
        return new TenantSettings.Smtp(host, port, null, null, "billing@acme.test", "Acme", false);
    }

    private String failure(TenantMailer mailer, TenantSettings.Smtp smtp) {
        try {
            mailer.send(smtp, "someone@acme.test", "test", "hello");
        } catch (SmtpDeliveryException e) {
            assertThat(e.getMessage()).doesNotContainPattern("(?i)exception|java\\.|jakarta|angus|\\bat [a-z]+\\.");
            return e.getMessage();
        }
        throw new AssertionError("the send did not fail");
    }

    @Test
    void aClosedPortAndASilentOneReadTheSame() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        assertThat(failure(mailer, smtp("127.0.0.1", closed)))
                .isEqualTo("could not connect to 127.0.0.1:" + closed + " within 300 ms");

        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            assertThat(failure(mailer, smtp("127.0.0.1", silent.getLocalPort())))
                    .isEqualTo("could not connect to 127.0.0.1:" + silent.getLocalPort() + " within 300 ms");
        }
        try (ScriptedSmtpServer notSmtp = new ScriptedSmtpServer("HTTP/1.1 400 Bad Request", line -> null)) {
            assertThat(failure(mailer, smtp("127.0.0.1", notSmtp.port())))
                    .isEqualTo("could not connect to 127.0.0.1:" + notSmtp.port() + " within 300 ms");
        }
    }

    @Test
    void theServersOwnReplyIsReportedAsItIs() throws Exception {
        try (ScriptedSmtpServer unwelcoming = new ScriptedSmtpServer("554 5.3.2 No service for you", line -> "221 bye")) {
            assertThat(failure(mailer, smtp("127.0.0.1", unwelcoming.port()))).isEqualTo("554 5.3.2 No service for you");
        }
        Function<String, String> badLogin = ScriptedSmtpServer.accepting(
                line -> line.startsWith("AUTH") ? "535 5.7.8 Authentication failed" : null);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", badLogin)) {
            SecretBox box = secrets();
            TenantMailer withLogin = new TenantMailer(box, new SmtpHostPolicy(List.of("127.0.0.1"), InetAddress::getAllByName),
                    new MailProperties(null, null, List.of("127.0.0.1"), TIMEOUT, TIMEOUT));
            TenantSettings.Smtp smtp = new TenantSettings.Smtp("127.0.0.1", server.port(), "mailer", box.encrypt("wrong"),
                    "billing@acme.test", null, false);
            assertThat(failure(withLogin, smtp)).isEqualTo("535 5.7.8 Authentication failed");
        }
        Function<String, String> unknownRecipient = ScriptedSmtpServer.accepting(
                line -> line.startsWith("RCPT") ? "550 5.1.1 No such user here" : null);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", unknownRecipient)) {
            assertThat(failure(mailer, smtp("127.0.0.1", server.port()))).isEqualTo("550 5.1.1 No such user here");
        }
    }

    @Test
    void aServerThatStopsAnsweringIsReportedInPlainWords() throws Exception {
        Function<String, String> mute = ScriptedSmtpServer.accepting(line -> line.startsWith("MAIL") ? "" : null);
        Function<String, String> muteOnMail = line -> line.startsWith("MAIL") ? null : mute.apply(line);
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", muteOnMail)) {
            assertThat(failure(mailer, smtp("127.0.0.1", server.port())))
                    .isEqualTo("the SMTP server at 127.0.0.1:" + server.port() + " stopped answering (no reply within 300 ms)");
        }
    }

    @Test
    void implicitTlsIsLayeredOnThePinnedConnection() throws Exception {
        try (ScriptedSmtpServer plain = new ScriptedSmtpServer("220 scripted.test ESMTP", ScriptedSmtpServer.accepting(line -> null))) {
            TenantSettings.Smtp secure = new TenantSettings.Smtp("127.0.0.1", plain.port(), null, null, "billing@acme.test", null, true);
            assertThat(failure(mailer, secure)).isEqualTo("could not establish a TLS connection with 127.0.0.1:" + plain.port());
        }
    }

    @Test
    void theConnectionGoesToTheAddressThatWasCheckedNotToASecondLookup() throws Exception {
        // "mail.pinned.test" exists only in this resolver: the send can reach the server only through the checked address
        TenantMailer pinned = mailer(host -> {
            if (host.equals("mail.pinned.test")) {
                return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
            }
            throw new UnknownHostException(host);
        });
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", ScriptedSmtpServer.accepting(line -> null))) {
            pinned.send(smtp("mail.pinned.test", server.port()), "someone@acme.test", "pinned", "hello");
            assertThat(server.commands()).anyMatch(c -> c.startsWith("RCPT TO:<someone@acme.test>"));
        }
        assertThat(failure(pinned, smtp("unknown.pinned.test", 25))).isEqualTo("could not resolve unknown.pinned.test");
    }

    @Test
    void aRefusedHostIsAValidationErrorBeforeAnyConnection() {
        assertThatThrownBy(() -> mailer.send(smtp("10.0.0.1", 25), "someone@acme.test", "test", "hello"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("settings.smtp.host"));
    }
}
