package com.novabilling.api.customer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerSortFieldTest {

    @Test
    void acceptsCamelCaseAndSnakeCase() {
        assertThat(CustomerSortField.parse("createdAt")).contains(CustomerSortField.CREATED_AT);
        assertThat(CustomerSortField.parse("created_at")).contains(CustomerSortField.CREATED_AT);
        assertThat(CustomerSortField.parse("EXTERNAL_ID")).contains(CustomerSortField.EXTERNAL_ID);
        assertThat(CustomerSortField.parse("updatedAt")).contains(CustomerSortField.UPDATED_AT);
        assertThat(CustomerSortField.parse("name")).contains(CustomerSortField.NAME);
    }

    @Test
    void rejectsUnknownFields() {
        assertThat(CustomerSortField.parse("country")).isEmpty();
        assertThat(CustomerSortField.parse("")).isEmpty();
        assertThat(CustomerSortField.parse(null)).isEmpty();
    }
}
