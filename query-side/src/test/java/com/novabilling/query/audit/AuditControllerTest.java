package com.novabilling.query.audit;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditControllerTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final AuditController controller = new AuditController(null, null, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void asOfDefaultsToNow() {
        assertThat(controller.asOfOrNow(null)).isEqualTo(NOW);
        assertThat(controller.asOfOrNow("")).isEqualTo(NOW);
    }

    @Test
    void asOfAcceptsInstantsWithOffsets() {
        assertThat(controller.asOfOrNow("2025-01-01T12:00:00+02:00")).isEqualTo(Instant.parse("2025-01-01T10:00:00Z"));
    }

    @Test
    void malformedAsOfNamesTheParameter() {
        assertThatThrownBy(() -> controller.asOfOrNow("2025-01-01"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .containsExactly(new FieldError("asOf", Instants.RULE)));
    }
}
