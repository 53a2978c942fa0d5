package com.novabilling.api.query;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PageParametersTest {

    private static String invalidField(Runnable parse) {
        ValidationException e = catchThrowableOfType(ValidationException.class, parse::run);
        assertThat(e).as("expected a ValidationException").isNotNull();
        return e.errors().stream().map(FieldError::field).findFirst().orElseThrow();
    }

    @Test
    void defaultsApplyWhenAbsent() {
        assertThat(PageParameters.page(null)).isEqualTo(1);
        assertThat(PageParameters.limit("")).isEqualTo(20);
        assertThat(PageParameters.sortOrder(null)).isEqualTo(SortOrder.DESC);
        assertThat(PageParameters.search("  ")).isNull();
    }

    @Test
    void acceptsValuesInRange() {
        assertThat(PageParameters.page("7")).isEqualTo(7);
        assertThat(PageParameters.limit("1")).isEqualTo(1);
        assertThat(PageParameters.limit("100")).isEqualTo(100);
        assertThat(PageParameters.sortOrder("Asc")).isEqualTo(SortOrder.ASC);
        assertThat(PageParameters.search(" jane ")).isEqualTo("jane");
    }

    @Test
    void rejectsOutOfRangeOrMalformedValuesNamingTheParameter() {
        assertThat(invalidField(() -> PageParameters.page("0"))).isEqualTo("page");
        assertThat(invalidField(() -> PageParameters.page("abc"))).isEqualTo("page");
        assertThat(invalidField(() -> PageParameters.limit("0"))).isEqualTo("limit");
        assertThat(invalidField(() -> PageParameters.limit("101"))).isEqualTo("limit");
        assertThat(invalidField(() -> PageParameters.limit("2.5"))).isEqualTo("limit");
        assertThat(invalidField(() -> PageParameters.sortOrder("upwards"))).isEqualTo("sortOrder");
    }

    private enum Colour { RED, DARK_BLUE }

    @Test
    void filtersAreNullWhenAbsentOrBlank() {
        assertThat(PageParameters.idFilter(null, "customerId")).isNull();
        assertThat(PageParameters.idFilter(" ", "customerId")).isNull();
        assertThat(PageParameters.enumFilter(Colour.class, "", "status")).isNull();
    }

    @Test
    void anIdFilterIsTrimmedAndAtMost255Characters() {
        assertThat(PageParameters.idFilter(" cus_1 ", "customerId")).isEqualTo("cus_1");
        assertThat(PageParameters.idFilter("c".repeat(255), "customerId")).hasSize(255);
        ValidationException tooLong = catchThrowableOfType(ValidationException.class,
                () -> PageParameters.idFilter("c".repeat(256), "customerId"));
        assertThat(tooLong.errors()).containsExactly(new FieldError("customerId", "must be at most 255 characters"));
    }

    @Test
    void anEnumFilterReadsAnyLetterCaseAndListsTheNamesWhenUnknown() {
        assertThat(PageParameters.enumFilter(Colour.class, " dark_blue ", "status")).isEqualTo(Colour.DARK_BLUE);
        assertThat(PageParameters.enumFilter(Colour.class, "Red", "status")).isEqualTo(Colour.RED);
        ValidationException unknown = catchThrowableOfType(ValidationException.class,
                () -> PageParameters.enumFilter(Colour.class, "green", "colour"));
        assertThat(unknown.errors()).containsExactly(new FieldError("colour", "must be one of RED, DARK_BLUE"));
    }
}
