package com.novabilling.app.invoice.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * {@code GET /invoices/{id}/pdf}, the signed links it hands out and {@code pdfUrl} on invoice answers, through the
 * real stack, on invoices created and finalized over HTTP.
 */
class InvoicePdfHttpTest extends IntegrationTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

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

    private HttpInvoices invoices(TestTenant tenant) {
        return new HttpInvoices(api(), tenant, catalog(tenant));
    }

    private static String companyOf(TestTenant tenant) {
        return tenant.registration().at("/tenant/companyName").asText();
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
        JsonNode invoice = invoices(tenant).kesInvoice();
        String id = invoice.get("id").asText();
        String number = invoice.get("invoiceNumber").asText();

        for (String accept : new String[] {null, "application/pdf", "*/*", "text/html,*/*;q=0.8", "application/pdf, application/json"}) {
            Answer pdf = get("/api/invoices/" + id + "/pdf", tenant.apiKey(), accept);

            assertThat(pdf.status()).as("Accept: " + accept).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.header("Content-Disposition")).startsWith("inline;").contains(number + ".pdf");
            assertThat(pdf.header("Cache-Control")).contains("no-store");
            assertThat(Pdfs.text(pdf.bytes(), 1)).contains(number, "KES 17,500.00", "Pro Plan - Monthly", "Jane Smith",
                    "Kenya", companyOf(tenant), "Thank you for your business!");
            assertThat(Pdfs.inkShare(Pdfs.render(pdf.bytes(), 1, 40))).isGreaterThan(0.03);
        }
        HttpInvoices http = invoices(tenant);
        JsonNode ugxInvoice = http.finalize(http.ugxDraft(http.customer("UGX")).get("id").asText());
        Answer ugx = get("/api/invoices/" + ugxInvoice.get("id").asText() + "/pdf", tenant.apiKey(), null);
        assertThat(Pdfs.text(ugx.bytes(), 1)).contains(ugxInvoice.get("invoiceNumber").asText(), "UGX 59,001")
                .doesNotContain("59,001.00");
    }

    @Test
    void aDraftDownloadsMarkedDraftAndHasNoPdfUrlWhileAnIssuedInvoiceHasAFreshOne() {
        TestTenant tenant = sharedTenant();
        HttpInvoices http = invoices(tenant);
        JsonNode draft = http.kesDraft(http.customer("KES"));
        String id = draft.get("id").asText();
        assertThat(draft.get("pdfUrl").isNull()).isTrue();
        Answer pdf = get("/api/invoices/" + id + "/pdf", tenant.apiKey(), null);
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.header("Content-Disposition")).contains("DRAFT-" + id + ".pdf");
        assertThat(Pdfs.text(pdf.bytes(), 1)).contains("DRAFT", "KES 17,500.00");

        JsonNode finalized = http.finalize(id);
        String url = finalized.get("pdfUrl").asText();
        assertThat(url).startsWith("http://localhost:3000/api/public/invoices/").endsWith(".pdf");
        Answer linked = get(pathOf(url), null, null);
        assertThat(linked.status()).as(linked.text()).isEqualTo(200);
        assertThat(Pdfs.text(linked.bytes(), 1)).contains(finalized.get("invoiceNumber").asText());
        // read again, listed, paid and voided: every answer carries a working link
        assertThat(get(pathOf(api().get("/api/invoices/" + id, tenant.apiKey()).body().get("pdfUrl").asText()), null, null)
                .status()).isEqualTo(200);
        JsonNode listed = api().get("/api/invoices?customerId=" + finalized.get("customerId").asText(), tenant.apiKey())
                .body().at("/data/0");
        assertThat(listed.get("id").asText()).isEqualTo(id);
        assertThat(get(pathOf(listed.get("pdfUrl").asText()), null, null).status()).isEqualTo(200);
        assertThat(api().get("/api/customers/" + finalized.get("customerId").asText() + "/invoices", tenant.apiKey())
                .body().at("/data/0/pdfUrl").asText()).startsWith("http://localhost:3000/api/public/invoices/");
        Api.Response voided = api().post("/api/invoices/" + id + "/void", tenant.apiKey(), null);
        assertThat(voided.status()).isEqualTo(200);
        assertThat(get(pathOf(voided.body().get("pdfUrl").asText()), null, null).status()).isEqualTo(200);
        JsonNode other = http.kesInvoice();
        Api.Response paid = api().post("/api/invoices/" + other.get("id").asText() + "/mark-paid", tenant.apiKey(), null);
        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(paid.body().get("status").asText()).isEqualTo("PAID");
        assertThat(paid.body().get("pdfUrl").asText()).startsWith("http://localhost:3000/api/public/invoices/");
        // drafts in a list have none
        http.kesDraft(http.customer("KES"));
        JsonNode drafts = api().get("/api/invoices?status=draft", tenant.apiKey()).body().get("data");
        assertThat(drafts).isNotEmpty().allSatisfy(d -> assertThat(d.get("pdfUrl").isNull()).isTrue());
    }

    @Test
    void withAcceptJsonTheAnswerIsASignedLinkThatWorksWithoutAnApiKey() {
        TestTenant tenant = sharedTenant();
        JsonNode invoice = invoices(tenant).kesInvoice();
        String id = invoice.get("id").asText();
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
        assertThat(Pdfs.text(pdf.bytes(), 1)).contains(invoice.get("invoiceNumber").asText(), "KES 17,500.00");
        assertThat(pdf.bytes()).as("the same invoice, the same bytes").isEqualTo(get("/api/invoices/" + id + "/pdf", tenant.apiKey(), null).bytes());
        // an API key sent along changes nothing
        assertThat(get(pathOf(url), tenant.apiKey(), null).status()).isEqualTo(200);
    }

    @Test
    void aLinkThatWasAlteredOrInventedIsNotFound() {
        TestTenant tenant = sharedTenant();
        String id = invoices(tenant).kesInvoice().get("id").asText();
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
        String id = invoices(tenant).kesInvoice().get("id").asText();
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
        JsonNode owners = invoices(owner).kesInvoice();
        String id = owners.get("id").asText();

        assertNotFound(get("/api/invoices/" + id + "/pdf", stranger.apiKey(), null));
        assertNotFound(get("/api/invoices/" + id + "/pdf", stranger.apiKey(), "application/json"));
        assertThat(api().get("/api/invoices/" + id, stranger.apiKey()).status()).isEqualTo(404);

        // each tenant's link leads to its own invoice only
        HttpInvoices strangers = invoices(stranger);
        JsonNode theirs = strangers.finalize(strangers.ugxDraft(strangers.customer("UGX")).get("id").asText());
        String strangersLink = pathOf(get("/api/invoices/" + theirs.get("id").asText() + "/pdf", stranger.apiKey(),
                "application/json").json().get("url").asText());
        assertThat(Pdfs.text(get(strangersLink, null, null).bytes(), 1)).contains("UGX 59,001", companyOf(stranger))
                .doesNotContain("KES 17,500.00");
        String ownersLink = pathOf(get("/api/invoices/" + id + "/pdf", owner.apiKey(), "application/json")
                .json().get("url").asText());
        assertThat(Pdfs.text(get(ownersLink, null, null).bytes(), 1)).contains(owners.get("invoiceNumber").asText(),
                companyOf(owner));
    }

    @Test
    void aMissingInvoiceIsNotFoundWhateverTheAcceptHeaderAndAnApiKeyIsRequired() {
        TestTenant tenant = sharedTenant();

        for (String accept : new String[] {null, "application/pdf", "application/json", "text/html", "image/png", "no/such;;type"}) {
            assertNotFound(get("/api/invoices/inv_missing/pdf", tenant.apiKey(), accept));
        }
        assertNotFound(get("/api/invoices/%20x/pdf", tenant.apiKey(), null));
        assertThat(get("/api/invoices/%00x/pdf", tenant.apiKey(), null).status()).isIn(400, 404);
        String id = invoices(tenant).kesInvoice().get("id").asText();
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
