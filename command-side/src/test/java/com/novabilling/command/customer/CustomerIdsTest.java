package com.novabilling.command.customer;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerIdsTest {

    @Test
    void idIsPrefixedAndHas24LowerCaseHexDigits() {
        assertThat(CustomerIds.newId()).matches("cus_[0-9a-f]{24}");
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(CustomerIds.newId());
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void recognisesOnlyCustomerIds() {
        assertThat(CustomerIds.isCustomerId(CustomerIds.newId())).isTrue();
        assertThat(CustomerIds.isCustomerId("pln_0123456789abcdef01234567")).isFalse();
        assertThat(CustomerIds.isCustomerId(null)).isFalse();
    }
}
