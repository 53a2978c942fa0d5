package com.novabilling.app.invoice.document;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceLinksTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2026-04-01T10:00:00.250Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final InvoiceLinks links = new InvoiceLinks(KEY, Duration.ofHours(1), "https://billing.example.com/", clock);

    private static String token(InvoicePdfLink link) {
        String path = URI.create(link.url()).getPath();
        assertThat(path).startsWith(InvoiceLinks.PATH).endsWith(InvoiceLinks.SUFFIX);
        return path.substring(InvoiceLinks.PATH.length(), path.length() - InvoiceLinks.SUFFIX.length());
    }

    @Test
    void aFreshLinkNamesItsTenantAndInvoiceUntilItExpires() {
        InvoicePdfLink link = links.sign("ten_a", "inv_1");

        assertThat(link.url()).startsWith("https://billing.example.com/api/public/invoices/").endsWith(".pdf");
        assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-04-01T11:00:00Z"));
        assertThat(token(link)).matches("[A-Za-z0-9_-]+");
        assertThat(links.verify(token(link))).contains(new InvoiceLinks.Claims("ten_a", "inv_1", link.expiresAt()));
    }

    @Test
    void anExpiredLinkIsRefusedButStillAuthentic() {
        InvoicePdfLink link = links.sign("ten_a", "inv_1");

        clock.set(Instant.parse("2026-04-01T10:59:59Z"));
        assertThat(links.verify(token(link))).isPresent();
        clock.set(link.expiresAt());
        assertThat(links.verify(token(link))).isEmpty();
        assertThat(links.authenticate(token(link))).isPresent();
        assertThat(links.unexpired(links.authenticate(token(link)).orElseThrow())).isFalse();
    }

    @Test
    void aTamperedLinkIsRefused() {
        String token = token(links.sign("ten_a", "inv_1"));
        byte[] raw = Base64.getUrlDecoder().decode(token);

        for (int i = 0; i < raw.length; i++) { // every single flipped bit, in the claims or the signature
            byte[] flipped = raw.clone();
            flipped[i] ^= 0x01;
            assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(flipped))).as("byte " + i).isEmpty();
        }
        // a later expiry, re-encoded with the old signature
        String payload = "ten_a\ninv_1\n" + NOW.plus(Duration.ofDays(365)).getEpochSecond();
        byte[] mac = java.util.Arrays.copyOfRange(raw, raw.length - 32, raw.length);
        byte[] forged = java.nio.ByteBuffer.allocate(payload.length() + 32)
                .put(payload.getBytes(StandardCharsets.UTF_8)).put(mac).array();
        assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(forged))).isEmpty();
        assertThat(links.verify(token.substring(0, token.length() - 2))).isEmpty();
        assertThat(links.verify(token + "A")).isEmpty();
        for (String garbage : new String[] {"", "!!!", "a.b", "AAAA", "x".repeat(5000), null}) {
            assertThat(links.verify(garbage)).isEmpty();
        }
    }

    @Test
    void aLinkSignedWithAnotherKeyIsRefused() {
        InvoiceLinks otherServer = new InvoiceLinks("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII),
                Duration.ofHours(1), "https://billing.example.com", clock);

        assertThat(links.verify(token(otherServer.sign("ten_a", "inv_1")))).isEmpty();
    }

    @Test
    void aLinkToAnotherTenantsInvoiceNamesThatTenantOnly() {
        // the claims are what the signature covers: swapping the tenant (or the invoice) breaks it
        String theirs = token(links.sign("ten_b", "inv_1"));
        String mine = token(links.sign("ten_a", "inv_1"));

        assertThat(links.verify(theirs).orElseThrow().tenantId()).isEqualTo("ten_b");
        assertThat(links.verify(mine).orElseThrow().tenantId()).isEqualTo("ten_a");
        assertThat(theirs).isNotEqualTo(mine);
        byte[] raw = Base64.getUrlDecoder().decode(theirs);
        byte[] swapped = raw.clone();
        swapped[4] = 'a'; // "ten_b" → "ten_a", keeping ten_b's signature
        assertThat(links.verify(Base64.getUrlEncoder().withoutPadding().encodeToString(swapped))).isEmpty();
    }

    @Test
    void idsMustBeOnOneLine() {
        assertThatThrownBy(() -> links.sign("ten_a\ninv_2", "inv_1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> links.sign("ten_a", "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTtlAndTheSecretAreChecked() {
        assertThat(new InvoiceLinkProperties(null, null).ttl()).isEqualTo(Duration.ofHours(1));
        assertThat(new InvoiceLinkProperties(null, " ").secret()).isNull();
        assertThatThrownBy(() -> new InvoiceLinkProperties(Duration.ZERO, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceLinkProperties(null, Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("at least 32 bytes");
    }

    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
