package com.novabilling.app.invoice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.mail.ScriptedSmtpServer;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /invoices/{id}/send-email}, the attempts recorded on the invoice, and the automatic e-mail at
 * finalization ({@code settings.emailInvoicesOnFinalization}), through the real stack with GreenMail.
 */
class InvoiceEmailHttpTest extends IntegrationTest {

    private HttpInvoices invoices(TestTenant tenant) {
        return new HttpInvoices(api(), tenant, catalog(tenant));
    }

    private void settings(TestTenant tenant, Map<String, Object> settings) {
        Api.Response r = api().patch("/api/tenants/me", tenant.accessToken(), Map.of("settings", settings));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }

    private static Map<String, Object> smtp(int port) {
        return Map.of("host", "127.0.0.1", "port", port, "fromEmail", "billing@savannah.test", "fromName",
                "Savannah Billing", "secure", false);
    }

    private Api.Response sendEmail(TestTenant tenant, String invoiceId, Object body) {
        return api().post("/api/invoices/" + invoiceId + "/send-email", tenant.apiKey(), body);
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID() + "@acme.test";
    }

    private static MimeMessage received(String to) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> recipients(m).contains(to)).findFirst().orElse(null), m -> m != null);
    }

    private static boolean anyReceivedBy(String to) {
        return Arrays.stream(MAIL.getReceivedMessages()).anyMatch(m -> recipients(m).contains(to));
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
        } catch (Exception e) {
            return List.of();
        }
    }

    private static byte[] attachment(MimeMessage message, String fileName) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (fileName.equals(part.getFileName())) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                part.getInputStream().transferTo(bytes);
                return bytes.toByteArray();
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }

    private JsonNode invoice(TestTenant tenant, String id) {
        Api.Response r = api().get("/api/invoices/" + id, tenant.apiKey());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.body();
    }

    @Test
    void aFinalizedInvoiceIsSentToItsCustomerWithThePdfAndTheAttemptIsRecorded() throws Exception {
        TestTenant tenant = registerTenant();
        settings(tenant, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        HttpInvoices http = invoices(tenant);
        String customerEmail = unique("customer");
        JsonNode issued = http.finalize(http.kesDraft(http.customer("KES", customerEmail)).get("id").asText());
        String id = issued.get("id").asText();
        String number = issued.get("invoiceNumber").asText();
        assertThat(issued.get("emailAttempts")).isEmpty();

        Api.Response sent = sendEmail(tenant, id, null);

        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.body().get("id").asText()).isEqualTo(id);
        assertThat(sent.body().get("pdfUrl").asText()).startsWith("http://localhost:3000/api/public/invoices/");
        JsonNode attempts = sent.body().get("emailAttempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.at("/0/to").asText()).isEqualTo(customerEmail);
        assertThat(attempts.at("/0/outcome").asText()).isEqualTo("SENT");
        assertThat(attempts.at("/0/message").asText()).isEqualTo("Sent to " + customerEmail);
        assertThat(attempts.at("/0/at").asText()).isNotBlank();
        MimeMessage message = received(customerEmail);
        assertThat(message.getSubject()).startsWith("Invoice " + number + " from ");
        assertThat(Pdfs.text(attachment(message, number + ".pdf"), 1)).contains(number, "KES 17,500.00", "Jane Smith");

        // to another address, given in the body: a second attempt, after the first
        String accounts = unique("accounts");
        Api.Response again = sendEmail(tenant, id, Map.of("to", accounts));
        assertThat(again.status()).as(again.text()).isEqualTo(200);
        assertThat(again.body().get("emailAttempts")).hasSize(2);
        assertThat(again.body().at("/emailAttempts/1/to").asText()).isEqualTo(accounts);
        assertThat(received(accounts).getSubject()).startsWith("Invoice " + number);
        assertThat(invoice(tenant, id).get("emailAttempts")).isEqualTo(again.body().get("emailAttempts"));
        // the audit trail shows the attempts too
        JsonNode audit = api().get("/api/audit/aggregates/" + id, tenant.apiKey()).body();
        assertThat(audit.at("/state/emailAttempts")).hasSize(2);

        // a paid invoice and a voided one may be sent as well
        Api.Response voided = api().post("/api/invoices/" + id + "/void", tenant.apiKey(), null);
        assertThat(voided.status()).isEqualTo(200);
        Api.Response voidSent = sendEmail(tenant, id, Map.of());
        assertThat(voidSent.status()).as(voidSent.text()).isEqualTo(200);
        assertThat(voidSent.body().get("emailAttempts")).hasSize(3);
    }

    @Test
    void aBadRecipientIsA400NamingToAndNothingIsRecorded() {
        TestTenant tenant = sharedTenant();
        settings(tenant, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        String id = invoices(tenant).kesInvoice().get("id").asText();

        for (Object to : new Object[] {"not an address", "a@", 42, "x".repeat(400) + "@example.com"}) {
            Map<String, Object> body = new HashMap<>();
            body.put("to", to);
            Api.Response refused = sendEmail(tenant, id, body);
            assertThat(refused.status()).as(to + ": " + refused.text()).isEqualTo(400);
            assertThat(refused.badRequestFields()).contains("to");
        }
        Api.Response unknown = sendEmail(tenant, id, Map.of("cc", "x@example.com"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(invoice(tenant, id).get("emailAttempts")).isEmpty();
    }

    @Test
    void withoutSmtpSettingsOrACustomerAddressItIsA400AndNothingIsRecorded() {
        TestTenant tenant = registerTenant();
        String id = invoices(tenant).kesInvoice().get("id").asText();

        Api.Response noSmtp = sendEmail(tenant, id, null);

        assertThat(noSmtp.status()).as(noSmtp.text()).isEqualTo(400);
        assertThat(noSmtp.badRequestFields()).containsExactly("settings.smtp");
        assertThat(invoice(tenant, id).get("emailAttempts")).isEmpty();
    }

    @Test
    void aMissingOrAnotherTenantsInvoiceIsNotFoundAndADraftIsAConflict() {
        TestTenant owner = sharedTenant();
        TestTenant stranger = strangerTenant();
        settings(owner, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        settings(stranger, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        HttpInvoices http = invoices(owner);

        for (String missing : new String[] {"inv_000000000000000000000000", "nope", "%20x"}) {
            Api.Response r = sendEmail(owner, missing, null);
            assertThat(r.status()).as(missing + ": " + r.text()).isEqualTo(404);
        }
        String id = http.kesInvoice().get("id").asText();
        assertThat(sendEmail(stranger, id, null).status()).isEqualTo(404);
        assertThat(invoice(owner, id).get("emailAttempts")).isEmpty();

        String draftEmail = unique("draft");
        String draft = http.kesDraft(http.customer("KES", draftEmail)).get("id").asText();
        Api.Response conflict = sendEmail(owner, draft, null);
        assertThat(conflict.status()).as(conflict.text()).isEqualTo(409);
        assertThat(conflict.body().get("message").asText()).contains("DRAFT");
        assertThat(invoice(owner, draft).get("emailAttempts")).isEmpty();
        assertThat(anyReceivedBy(draftEmail)).isFalse();
        assertThat(api().post("/api/invoices/" + id + "/send-email", null, null).status()).isEqualTo(401);
    }

    @Test
    void aRefusalByTheSmtpServerIsA502WithItsReplyAndTheFailedAttemptIsRecorded() throws Exception {
        TestTenant tenant = registerTenant();
        String id = invoices(tenant).kesInvoice().get("id").asText();
        try (ScriptedSmtpServer server = new ScriptedSmtpServer("220 scripted.test ESMTP", ScriptedSmtpServer.accepting(
                line -> line.startsWith("RCPT") ? "550 5.1.1 No such user here" : null))) {
            settings(tenant, Map.of("smtp", smtp(server.port())));

            Api.Response failed = sendEmail(tenant, id, Map.of("to", "nobody@acme.test"));

            assertThat(failed.status()).as(failed.text()).isEqualTo(502);
            assertThat(failed.body().get("statusCode").asInt()).isEqualTo(502);
            assertThat(failed.body().get("message").asText()).contains("550 5.1.1 No such user here");
        }
        JsonNode attempts = invoice(tenant, id).get("emailAttempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.at("/0/outcome").asText()).isEqualTo("FAILED");
        assertThat(attempts.at("/0/to").asText()).isEqualTo("nobody@acme.test");
        assertThat(attempts.at("/0/message").asText()).isEqualTo("550 5.1.1 No such user here");

        // fixed, the same call goes through and adds a second attempt
        settings(tenant, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        String to = unique("retry");
        Api.Response sent = sendEmail(tenant, id, Map.of("to", to));
        assertThat(sent.status()).as(sent.text()).isEqualTo(200);
        assertThat(sent.body().get("emailAttempts")).hasSize(2);
        assertThat(sent.body().at("/emailAttempts/1/outcome").asText()).isEqualTo("SENT");
        received(to);
    }

    @Test
    void finalizationSendsTheInvoiceByItselfOnlyWhenTheTenantEnablesIt() throws Exception {
        TestTenant tenant = registerTenant();
        assertThat(api().get("/api/tenants/me", tenant.accessToken()).body()
                .at("/settings/emailInvoicesOnFinalization").asBoolean(true)).as("off by default").isFalse();
        settings(tenant, Map.of("smtp", smtp(MAIL.getSmtp().getPort())));
        HttpInvoices http = invoices(tenant);
        String quietEmail = unique("quiet");
        String quiet = http.finalize(http.kesDraft(http.customer("KES", quietEmail)).get("id").asText())
                .get("id").asText();

        settings(tenant, Map.of("emailInvoicesOnFinalization", true));
        assertThat(api().get("/api/tenants/me", tenant.accessToken()).body()
                .at("/settings/emailInvoicesOnFinalization").asBoolean()).isTrue();
        assertThat(api().get("/api/tenants/me", tenant.accessToken()).body().at("/settings/smtp/host").asText())
                .as("the other settings stay").isEqualTo("127.0.0.1");
        String autoEmail = unique("auto");
        JsonNode auto = http.finalize(http.kesDraft(http.customer("KES", autoEmail)).get("id").asText());
        String number = auto.get("invoiceNumber").asText();

        MimeMessage message = received(autoEmail);
        assertThat(message.getSubject()).startsWith("Invoice " + number + " from ");
        assertThat(Pdfs.text(attachment(message, number + ".pdf"), 1)).contains(number, "KES 17,500.00");
        JsonNode attempts = await().atMost(Duration.ofSeconds(20)).until(
                () -> invoice(tenant, auto.get("id").asText()).get("emailAttempts"), a -> a.size() == 1);
        assertThat(attempts.at("/0/outcome").asText()).isEqualTo("SENT");
        assertThat(attempts.at("/0/to").asText()).isEqualTo(autoEmail);
        // the handler took the finalizations in order: the one finalized while disabled was passed over
        assertThat(invoice(tenant, quiet).get("emailAttempts")).isEmpty();
        assertThat(anyReceivedBy(quietEmail)).isFalse();
        // sending by hand is still possible and adds to the list
        assertThat(sendEmail(tenant, auto.get("id").asText(), null).body().get("emailAttempts")).hasSize(2);
    }

    @Test
    void anAutomaticSendThatFailsIsRecordedNotRetried() {
        TestTenant tenant = registerTenant();
        settings(tenant, Map.of("emailInvoicesOnFinalization", true)); // and no SMTP settings
        HttpInvoices http = invoices(tenant);
        String id = http.finalize(http.kesDraft(http.customer("KES")).get("id").asText()).get("id").asText();

        JsonNode attempts = await().atMost(Duration.ofSeconds(20)).until(
                () -> invoice(tenant, id).get("emailAttempts"), a -> a.size() == 1);

        assertThat(attempts.at("/0/outcome").asText()).isEqualTo("FAILED");
        assertThat(attempts.at("/0/message").asText()).contains("SMTP is not configured");
        // a later finalization is handled too: the failure did not hold the handler up
        String next = http.finalize(http.kesDraft(http.customer("KES")).get("id").asText()).get("id").asText();
        await().atMost(Duration.ofSeconds(20)).until(() -> invoice(tenant, next).get("emailAttempts").size() == 1);
        assertThat(invoice(tenant, id).get("emailAttempts")).hasSize(1);
    }
}
