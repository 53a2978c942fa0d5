package com.novabilling.api.customer;

import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomerSortFieldTest {

    @Test
    void acceptsCamelCaseAndSnakeCase() {
        assertThat(CustomerSortField.parse("createdAt")).isEqualTo(CustomerSortField.CREATED_AT);
        assertThat(CustomerSortField.parse("created_at")).isEqualTo(CustomerSortField.CREATED_AT);
        assertThat(CustomerSortField.parse("EXTERNAL_ID")).isEqualTo(CustomerSortField.EXTERNAL_ID);
        assertThat(CustomerSortField.parse("updatedAt")).isEqualTo(CustomerSortField.UPDATED_AT);
        assertThat(CustomerSortField.parse("name")).isEqualTo(CustomerSortField.NAME);
    }

    @Test
    void absentMeansNewestFirstByCreation() {
        assertThat(CustomerSortField.parse("")).isEqualTo(CustomerSortField.CREATED_AT);
        assertThat(CustomerSortField.parse(null)).isEqualTo(CustomerSortField.CREATED_AT);
    }

    @Test
    void rejectsUnknownFieldsNamingTheParameter() {
        assertThatThrownBy(() -> CustomerSortField.parse("country"))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("sortBy: must be one of createdAt, updatedAt, name, email, externalId"));
    }
}
