package com.novabilling.app.invoice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestInvoiceDocuments;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /invoices/{id}/pdf} and the signed links it hands out, through the real stack. The invoices come from
 * {@link TestInvoiceDocuments}, a stand-in for the invoice read model that this branch does not have yet.
 */
class InvoicePdfHttpTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestInvoiceDocuments invoices;

    private record Answer(int status, String contentType, HttpResponse<byte[]> raw) {
        byte[] bytes() {
            return raw.body();
        }

        String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Answer get(String path, String apiKey, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).GET();
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String invoiceOf(TestTenant tenant, InvoiceDocument document) {
        invoices.put(tenant.id(), document);
        return document.invoiceId();
    }

    private static String newId() {
        return "inv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }

    private static String pathOf(String url) {
        return URI.create(url).getRawPath();
    }

    private static void assertNotFound(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.json().get("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void theInvoiceDownloadsAsAPdfWithItsNumberAndTotal() {
        TestTenant tenant = sharedTenant();
        String id = invoiceOf(tenant, SampleInvoices.kesI1(newId(), "INV-000001"));

        for (String accept : new String[] {null, "application/pdf", "*/*", "text/html,*/*;q=0.8", "application/pdf, application/json"}) {
            Answer pdf = get("/api/invoices/" + id + "/pdf", tenant.apiKey(), accept);

            assertThat(pdf.status()).as("Accept: " + accept).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.header("Content-Disposition")).startsWith("inline;").contains("INV-000001.pdf");
            assertThat(pdf.header("Cache-Control")).contains("no-store");
            assertThat(Pdfs.text(pdf.bytes(), 1)).contains("INV-000001", "KES 4,698.00", "KES 3,198.00", SampleInvoices.TENANT_NAME);
            assertThat(Pdfs.inkShare(Pdfs.render(pdf.bytes(), 1, 40))).isGreaterThan(0.03);
        }
        Answer ugx = get("/api/invoices/" + invoiceOf(tenant, SampleInvoices.ugx(newId(), "INV-000002")) + "/pdf",
                tenant.apiKey(), null);
        assertThat(Pdfs.text(ugx.bytes(), 1)).contains("INV-000002", "UGX 59,000").doesNotContain("59,000.00");
    }

    @Test
    void withAcceptJsonTheAnswerIsASignedLinkThatWorksWithoutAnApiKey() {
        TestTenant tenant = sharedTenant();
        String id = invoiceOf(tenant, SampleInvoices.kesI1(newId(), "INV-000007"));
        Instant before = Instant.now();

        Answer link = get("/api/invoices/" + id + "/pdf", tenant.apiKey(), "application/json");

        assertThat(link.status()).as(link.text()).isEqualTo(200);
        assertThat(link.contentType()).startsWith("application/json");
        String url = link.json().get("url").asText();
        Instant expiresAt = Instant.parse(link.json().get("expiresAt").asText());
        assertThat(url).startsWith("http://localhost:3000/api/public/invoices/").endsWith(".pdf");
        assertThat(expiresAt).isCloseTo(before.plus(Duration.ofHours(1)), within(Duration.ofSeconds(30)));

        Answer pdf = get(pathOf(url), null, null);
        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThat(pdf.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(Pdfs.text(pdf.bytes(), 1)).contains("INV-000007", "KES 4,698.00");
        assertThat(pdf.bytes()).as("the same invoice, the same bytes").isEqualTo(get("/api/invoices/" + id + "/pdf", tenant.apiKey(), null).bytes());
        // an API key sent along changes nothing
        assertThat(get(pathOf(url), tenant.apiKey(), null).status()).isEqualTo(200);
    }

    @Test
    void aLinkThatWasAlteredOrInventedIsNotFound() {
        TestTenant tenant = sharedTenant();
        String id = invoiceOf(tenant, SampleInvoices.kesI1(newId(), "INV-000008"));
        String path = pathOf(get("/api/invoices/" + id + "/pdf", tenant.apiKey(), "application/json").json().get("url").asText());
        String token = path.substring(InvoiceLinks.PATH.length(), path.length() - InvoiceLinks.SUFFIX.length());
        byte[] raw = Base64.getUrlDecoder().decode(token);
        raw[raw.length - 1] ^= 0x01;
        String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        Answer refused = get(InvoiceLinks.PATH + tampered + InvoiceLinks.SUFFIX, null, null);
        assertNotFound(refused);
        assertThat(refused.json().get("message").asText()).isEqualTo("This invoice link is invalid or has expired");
        for (String invented : new String[] {"abc", "AAAA", "x".repeat(3000), "%00", "..%2F..%2Fcustomers"}) {
            Answer answer = get(InvoiceLinks.PATH + invented + InvoiceLinks.SUFFIX, null, null);
            assertThat(answer.status()).as(invented).isIn(400, 404);
            assertThat(answer.contentType()).startsWith("application/json");
        }
        assertThat(get(InvoiceLinks.PATH + token, null, null).status()).as("without .pdf").isEqualTo(404);
        // the public prefix opens nothing else
        assertThat(get("/api/public/invoices/../../customers", null, null).status()).isIn(400, 404);
        assertThat(get("/api/public/customers", null, null).status()).isEqualTo(404);
    }

    @Test
    void aLinkExpiresOnTheTenantsClock() {
        TestTenant tenant = registerTenant();
        String id = invoiceOf(tenant, SampleInvoices.kesI1(newId(), "INV-000009"));
        String path = pathOf(get("/api/invoices/" + id + "/pdf", tenant.apiKey(), "application/json").json().get("url").asText());
        assertThat(get(path, null, null).status()).isEqualTo(200);

        Api.Response moved = api().post("/api/test-clock/advance", tenant.apiKey(), Map.of("by", "PT59M"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(get(path, null, null).status()).as("59 minutes later").isEqualTo(200);

        api().post("/api/test-clock/advance", tenant.apiKey(), Map.of("by", "PT2M"));
        Answer expired = get(path, null, null);
        assertNotFound(expired);
        assertThat(expired.json().get("message").asText()).isEqualTo("This invoice link is invalid or has expired");
        // a fresh link works again
        String fresh = pathOf(get("/api/invoices/" + id + "/pdf", tenant.apiKey(), "application/json").json().get("url").asText());
        assertThat(get(fresh, null, null).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsInvoiceIsNotFoundAndItsLinksNameOnlyItsOwnTenant() {
        TestTenant owner = sharedTenant();
        TestTenant stranger = strangerTenant();
        String id = invoiceOf(owner, SampleInvoices.kesI1(newId(), "INV-000010"));

        assertNotFound(get("/api/invoices/" + id + "/pdf", stranger.apiKey(), null));
        assertNotFound(get("/api/invoices/" + id + "/pdf", stranger.apiKey(), "application/json"));

        // the stranger's own invoice with the same id is the stranger's, through its link too
        invoices.put(stranger.id(), SampleInvoices.ugx(id, "INV-000099"));
        String strangersLink = pathOf(get("/api/invoices/" + id + "/pdf", stranger.apiKey(), "application/json")
                .json().get("url").asText());
        assertThat(Pdfs.text(get(strangersLink, null, null).bytes(), 1)).contains("INV-000099").doesNotContain("INV-000010");
        String ownersLink = pathOf(get("/api/invoices/" + id + "/pdf", owner.apiKey(), "application/json")
                .json().get("url").asText());
        assertThat(Pdfs.text(get(ownersLink, null, null).bytes(), 1)).contains("INV-000010");
    }

    @Test
    void aMissingInvoiceIsNotFoundWhateverTheAcceptHeaderAndAnApiKeyIsRequired() {
        TestTenant tenant = sharedTenant();

        for (String accept : new String[] {null, "application/pdf", "application/json", "text/html", "image/png", "no/such;;type"}) {
            assertNotFound(get("/api/invoices/inv_missing/pdf", tenant.apiKey(), accept));
        }
        assertNotFound(get("/api/invoices/%20x/pdf", tenant.apiKey(), null));
        assertThat(get("/api/invoices/%00x/pdf", tenant.apiKey(), null).status()).isIn(400, 404);
        String id = invoiceOf(tenant, SampleInvoices.kesI1(newId(), "INV-000011"));
        Answer anonymous = get("/api/invoices/" + id + "/pdf", null, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/json");
        assertThat(get("/api/invoices/" + id + "/pdf", tenant.accessToken(), null).status()).as("a JWT is not an API key").isEqualTo(401);
    }

    @Test
    void theAcceptHeaderChoosesJsonOnlyWhenItPrefersIt() {
        assertThat(InvoicePdfController.wantsJson("application/json")).isTrue();
        assertThat(InvoicePdfController.wantsJson("application/json, */*")).isTrue();
        assertThat(InvoicePdfController.wantsJson("application/pdf;q=0.5, application/json")).isTrue();
        assertThat(InvoicePdfController.wantsJson(null)).isFalse();
        assertThat(InvoicePdfController.wantsJson("*/*")).isFalse();
        assertThat(InvoicePdfController.wantsJson("application/*")).isFalse();
        assertThat(InvoicePdfController.wantsJson("application/pdf, application/json")).isFalse();
        assertThat(InvoicePdfController.wantsJson("application/json;q=0.1, application/pdf")).isFalse();
        assertThat(InvoicePdfController.wantsJson(";;;")).isFalse();
    }
}
