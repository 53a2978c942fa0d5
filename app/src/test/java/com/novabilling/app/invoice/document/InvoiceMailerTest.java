package com.novabilling.app.invoice.document;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.mail.ScriptedSmtpServer;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import com.novabilling.app.tenancy.TenantContext;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Invoice e-mail through a tenant's own SMTP settings: GreenMail for deliveries, a scripted server for refusals. */
class InvoiceMailerTest extends IntegrationTest {

    @Autowired
    InvoiceMailer mailer;

    private void useSmtp(TestTenant tenant, int port) {
        Api.Response r = api().patch("/api/tenants/me", tenant.accessToken(), Map.of("settings", Map.of("smtp", Map.of(
                "host", "127.0.0.1", "port", port, "fromEmail", "billing@savannah.test", "fromName", "Savannah Billing",
                "secure", false))));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static <T> T as(TestTenant tenant, Supplier<T> work) {
        try (TenantContext.Scope ignored = TenantContext.open(tenant.id())) {
            return work.get();
        }
    }

    private static MimeMessage received(String to) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipients(m).contains(to)).findFirst().orElse(null), m -> m != null);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    /** Every leaf part of the message, depth first. */
    private static List<BodyPart> leaves(Multipart multipart) throws Exception {
        List<BodyPart> parts = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.getContent() instanceof Multipart nested) {
                parts.addAll(leaves(nested));
            } else {
                parts.add(part);
            }
        }
        return parts;
    }

    @Test
    void theInvoiceArrivesWithItsPdfAttached() throws Exception {
        TestTenant tenant = registerTenant();
        useSmtp(tenant, MAIL.getSmtp().getPort());
        String to = "payer-" + UUID.randomUUID() + "@acme.test";
        InvoiceDocument invoice = SampleInvoices.kesI1("inv_mail_1", "INV-000001");

        InvoiceEmailAttempt attempt = as(tenant, () -> mailer.send(tenant.id(), invoice, to));

        assertThat(attempt.outcome()).isEqualTo(InvoiceEmailAttempt.Outcome.SENT);
        assertThat(attempt.to()).isEqualTo(to);
        assertThat(attempt.at()).isCloseTo(clock.instant(), within(Duration.ofSeconds(30)));
        MimeMessage message = received(to);
        assertThat(message.getSubject()).isEqualTo("Invoice INV-000001 from " + SampleInvoices.TENANT_NAME);
        assertThat(message.getFrom()[0].toString()).contains("billing@savannah.test");
        List<BodyPart> parts = leaves((Multipart) message.getContent());
        BodyPart pdf = parts.stream().filter(p -> "INV-000001.pdf".equals(fileName(p))).findFirst().orElseThrow();
        assertThat(pdf.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(pdf.getContentType()).startsWith("application/pdf");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pdf.getInputStream().transferTo(bytes);
        assertThat(Pdfs.text(bytes.toByteArray(), 1)).contains("INV-000001", "KES 4,698.00", SampleInvoices.TENANT_NAME);
        BodyPart text = parts.stream().filter(p -> isType(p, "text/plain")).findFirst().orElseThrow();
        assertThat((String) text.getContent()).contains("Hello Jane Smith,", "invoice INV-000001",
                "Total: KES 4,698.00", "Amount due: KES 3,198.00", "Due date: 15 Apr 2026");
        BodyPart html = parts.stream().filter(p -> isType(p, "text/html")).findFirst().orElseThrow();
        assertThat((String) html.getContent()).contains("<strong>INV-000001</strong>", "KES 3,198.00");
    }

    @Test
    void withoutARecipientTheCustomerIsAddressed() throws Exception {
        TestTenant tenant = registerTenant();
        useSmtp(tenant, MAIL.getSmtp().getPort());
        String customer = "customer-" + UUID.randomUUID() + "@acme.test";
        InvoiceDocument invoice = SampleInvoices.withCustomerEmail(SampleInvoices.ugx("inv_mail_2", "INV-000002"), customer);

        InvoiceEmailAttempt attempt = as(tenant, () -> mailer.send(tenant.id(), invoice, "  "));

        assertThat(attempt.to()).isEqualTo(customer);
        assertThat(received(customer).getSubject()).isEqualTo("Invoice INV-000002 from " + SampleInvoices.TENANT_NAME);

        InvoiceDocument nobody = SampleInvoices.withCustomerEmail(invoice, null);
        assertThatThrownBy(() -> as(tenant, () -> mailer.send(tenant.id(), nobody, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
        assertThatThrownBy(() -> as(tenant, () -> mailer.send(tenant.id(), invoice, "not an address")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors().get(0).field()).isEqualTo("to"));
    }

    @Test
    void aRefusalByTheSmtpServerIsAFailedAttemptWithTheServersReply() throws Exception {
        TestTenant tenant = registerTenant();
        InvoiceDocument invoice = SampleInvoices.kesI1("inv_mail_3", "INV-000003");
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", ScriptedSmtpServer.accepting(
                line -> line.startsWith("RCPT") ? "550 5.1.1 No such user here" : null))) {
            useSmtp(tenant, server.port());
            Instant before = clock.instant();

            assertThatThrownBy(() -> as(tenant, () -> mailer.send(tenant.id(), invoice, "nobody@acme.test")))
                    .isInstanceOfSatisfying(InvoiceEmailFailedException.class, e -> {
                        assertThat(e.getMessage()).isEqualTo("550 5.1.1 No such user here");
                        assertThat(e.attempt().outcome()).isEqualTo(InvoiceEmailAttempt.Outcome.FAILED);
                        assertThat(e.attempt().to()).isEqualTo("nobody@acme.test");
                        assertThat(e.attempt().message()).isEqualTo("550 5.1.1 No such user here");
                        assertThat(e.attempt().at()).isBetween(before, clock.instant());
                    });
            assertThat(server.commands()).anyMatch(c -> c.startsWith("RCPT TO:<nobody@acme.test>"));
        }
    }

    @Test
    void aServerThatCannotBeReachedIsAFailedAttemptToo() throws Exception {
        TestTenant tenant = registerTenant();
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            closed = s.getLocalPort();
        }
        useSmtp(tenant, closed);
        int port = closed;

        assertThatThrownBy(() -> as(tenant, () -> mailer.send(tenant.id(), SampleInvoices.ugx("inv_mail_4", "INV-000004"),
                "payer@acme.test")))
                .isInstanceOfSatisfying(InvoiceEmailFailedException.class, e -> assertThat(e.attempt().message())
                        .isEqualTo("could not connect to 127.0.0.1:" + port + " within 5 s"));
    }

    @Test
    void withoutSmtpSettingsNothingIsAttempted() {
        TestTenant tenant = registerTenant();

        assertThatThrownBy(() -> as(tenant, () -> mailer.send(tenant.id(), SampleInvoices.ugx("inv_mail_5", "INV-000005"),
                "payer@acme.test")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("settings.smtp"));
    }

    private static String fileName(BodyPart part) {
        try {
            return part.getFileName();
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isType(BodyPart part, String type) {
        try {
            return part.isMimeType(type) && part.getFileName() == null;
        } catch (Exception e) {
            return false;
        }
    }
}
