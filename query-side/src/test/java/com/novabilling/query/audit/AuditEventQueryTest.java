package com.novabilling.query.audit;

import com.novabilling.api.query.PageMeta;
import com.novabilling.api.query.PageResult;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class AuditEventQueryTest {

    @Test
    void defaultsToFirstPageOfTwentyWithoutFilters() {
        AuditEventQuery query = AuditEventQuery.parse(null, " ", null, "", null, null);

        assertThat(query).isEqualTo(new AuditEventQuery(null, null, null, null, 1, 20));
        assertThat(query.offset()).isZero();
    }

    @Test
    void parsesFiltersAndPage() {
        AuditEventQuery query = AuditEventQuery.parse(" c1 ", "CustomerCreatedEvent", "2025-01-01T00:00:00Z",
                "2025-01-02T00:00:00+01:00", "3", "100");

        assertThat(query.aggregateId()).isEqualTo("c1");
        assertThat(query.type()).isEqualTo("CustomerCreatedEvent");
        assertThat(query.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2025-01-01T23:00:00Z"));
        assertThat(query.offset()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-5", "ten", "2.5", "99999999999"})
    void limitOutsideOneToHundredNamesLimit(String limit) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AuditEventQuery.parse(null, null, null, null, null, limit));

        assertThat(e.errors()).containsExactly(new FieldError("limit", "must be an integer from 1 to 100"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "first"})
    void pageBelowOneOrNotANumberNamesPage(String page) {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AuditEventQuery.parse(null, null, null, null, page, null));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("page");
    }

    @Test
    void everyInvalidParameterIsReportedAtOnce() {
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> AuditEventQuery.parse(null, null, "yesterday", "2025-13-01T00:00:00Z", "0", "500"));

        assertThat(e.errors()).extracting(FieldError::field).containsExactly("from", "to", "page", "limit");
        assertThat(e.getMessage()).startsWith("from: must be an ISO-8601 instant");
    }

    @Test
    void toMustBeAfterFrom() {
        assertThatThrownBy(() -> AuditEventQuery.parse(null, null, "2025-01-02T00:00:00Z", "2025-01-01T00:00:00Z", null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).containsExactly(new FieldError("to", "must be after from")));
    }

    @Test
    void filterLongerThanTheStoredColumnIsRejected() {
        assertThatThrownBy(() -> AuditEventQuery.parse("x".repeat(256), null, null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("aggregateId"));
    }

    @Test
    void totalPagesRoundUp() {
        assertThat(PageResult.of(java.util.List.of(), 41, 1, 20).meta())
                .isEqualTo(new PageMeta(41, 1, 20, 3));
        assertThat(PageResult.of(java.util.List.of(), 0, 1, 20).meta().totalPages()).isZero();
    }
}
