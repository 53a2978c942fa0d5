package com.novabilling.app.schedule;

import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IsoAmountsTest {

    private static final Instant JAN_31 = Instant.parse("2027-01-31T10:00:00Z");

    @ParameterizedTest
    @CsvSource({
            "P1M, 2027-02-28T10:00:00Z",
            "P2M, 2027-03-31T10:00:00Z",
            "P14D, 2027-02-14T10:00:00Z",
            "PT36H, 2027-02-01T22:00:00Z",
            "P1MT2H, 2027-02-28T12:00:00Z",
            "P1Y, 2028-01-31T10:00:00Z",
            "p1w, 2027-02-07T10:00:00Z"
    })
    void movesByCalendarPeriodsThenDurations(String amount, String expected) {
        assertThat(IsoAmounts.after(JAN_31, amount, "by")).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "P", "PT", "1M", "P1X", "-P1D", "P-1D", "PT-1H", "P0D", "PT0S", "one month"})
    void refusesWhatDoesNotMoveForward(String amount) {
        assertThatThrownBy(() -> IsoAmounts.after(JAN_31, amount, "by"))
                .isInstanceOf(ValidationException.class)
                .satisfies(e -> assertThat(((ValidationException) e).errors().get(0).field()).isEqualTo("by"));
    }
}
