package com.novabilling.app.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hand-read instant agrees with {@link OffsetDateTime#parse} on everything it accepts and refuses. */
class StrictJsonInstantTest {

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-01T00:00:00Z", "2026-03-01T23:59:59.5Z", "2026-03-01T10:15:30.123456789Z",
            "2024-02-29T12:00:00Z", "1970-01-01T00:00:00.000001Z", "9999-12-31T23:59:59.999999999Z",
            "2026-03-01T10:15:30+03:00", "2026-03-01T10:15Z", "2026-03-01T10:15:30.12-01:30",
            "2026-03-01T00:00:00.Z", "2026-03-01t00:00:00z"})
    void readsWhatTheFormatterReads(String text) {
        assertThat(StrictJson.parseInstant(text)).isEqualTo(OffsetDateTime.parse(text).toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-03-01T24:00:00Z",
            "2026-03-01T23:60:00Z", "2026-03-01T23:59:60Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
            "2026-03-01T00:00:00.1234567890Z",
            "2026-03-01T00:00:00", "2026-03-01 00:00:00Z", "+2026-03-01T00:00:00Z", "2026-3-01T00:00:00Z",
            "2026-03-01T0a:00:00Z", "２026-03-01T00:00:00Z"})
    void refusesWhatTheFormatterRefuses(String text) {
        assertThatThrownBy(() -> OffsetDateTime.parse(text)).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> StrictJson.parseInstant(text)).isInstanceOf(DateTimeParseException.class);
    }
}
