package com.novabilling.app.schedule;

import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TestClockHttpTest extends IntegrationTest {

    @Test
    void aTenantsClockStandsWhereItWasMovedAndStampsItsEvents() {
        TestTenant t = registerTenant();
        Api.Response before = api().get("/api/test-clock", t.apiKey());
        assertThat(before.status()).as(before.text()).isEqualTo(200);
        assertThat(before.body().get("frozen").asBoolean()).isFalse();

        Instant to = Instant.parse("2031-01-31T10:00:00Z");
        Api.Response moved = api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", to.toString()));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(Instant.parse(moved.body().get("now").asText())).isEqualTo(to);
        assertThat(moved.body().get("frozen").asBoolean()).isTrue();

        Api.Response byMonth = api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", "P1MT2H"));
        assertThat(byMonth.status()).as(byMonth.text()).isEqualTo(200);
        assertThat(byMonth.body().get("now").asText()).isEqualTo("2031-02-28T12:00:00Z"); // month end clamps

        clock.advance(Duration.ofMinutes(5)); // real time passes; the tenant's does not
        assertThat(api().get("/api/test-clock", t.apiKey()).body().get("now").asText()).isEqualTo("2031-02-28T12:00:00Z");

        Api.Response customer = api().post("/api/customers", t.apiKey(),
                Map.of("name", "Timed", "email", uniqueCode("timed") + "@example.com", "currency", "KES"));
        assertThat(customer.status()).as(customer.text()).isEqualTo(201);
        assertThat(customer.body().get("createdAt").asText()).startsWith("2031-02-28T12:00:00");
    }

    @Test
    void theClockNeverMovesBackAndRefusesWhatIsNotAnInstantOrAnAmount() {
        TestTenant t = registerTenant();
        api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", "2032-06-01T00:00:00Z"));

        Api.Response back = api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", "2032-05-31T23:59:59Z"));
        assertThat(back.status()).as(back.text()).isEqualTo(409);
        assertThat(back.text()).contains("never moves backwards");

        Api.Response both = api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", "2033-01-01T00:00:00Z", "by", "P1D"));
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.badRequestFields()).containsExactly("to");
        Api.Response neither = api().post("/api/test-clock/advance", t.apiKey(), Map.of());
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.badRequestFields()).containsExactly("to");
        Api.Response badAmount = api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", "one month"));
        assertThat(badAmount.status()).isEqualTo(400);
        assertThat(badAmount.badRequestFields()).containsExactly("by");
        Api.Response negative = api().post("/api/test-clock/advance", t.apiKey(), Map.of("by", "-P1D"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.badRequestFields()).containsExactly("by");
        Api.Response notAnInstant = api().post("/api/test-clock/advance", t.apiKey(), Map.of("to", "tomorrow"));
        assertThat(notAnInstant.status()).isEqualTo(400);
        assertThat(notAnInstant.badRequestFields()).containsExactly("to");

        assertThat(api().get("/api/test-clock", t.apiKey()).body().get("now").asText()).isEqualTo("2032-06-01T00:00:00Z");
    }

    @Test
    void oneTenantsClockIsNotAnothers() {
        TestTenant mover = registerTenant();
        TestTenant other = registerTenant();
        api().post("/api/test-clock/advance", mover.apiKey(), Map.of("by", "P365D"));

        Api.Response otherClock = api().get("/api/test-clock", other.apiKey());
        assertThat(otherClock.body().get("frozen").asBoolean()).isFalse();
        assertThat(Duration.between(Instant.parse(otherClock.body().get("now").asText()), clock.instant()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(api().get("/api/test-clock", null).status()).isEqualTo(401);
    }
}
