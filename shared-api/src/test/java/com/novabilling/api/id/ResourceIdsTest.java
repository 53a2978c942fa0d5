package com.novabilling.api.id;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ResourceIdsTest {

    @Test
    void idIsThePrefixAnd24HexDigits() {
        assertThat(ResourceIds.newId("cus_")).matches("cus_[0-9a-f]{24}");
        assertThat(ResourceIds.newId("pln_")).matches("pln_[0-9a-f]{24}");
    }

    @Test
    void idsDoNotRepeat() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(ResourceIds.newId("cus_"));
        }
        assertThat(ids).hasSize(10_000);
    }

    @Test
    void recognisesOnlyItsOwnPrefix() {
        assertThat(ResourceIds.hasPrefix(ResourceIds.newId("cus_"), "cus_")).isTrue();
        assertThat(ResourceIds.hasPrefix("pln_0123456789abcdef01234567", "cus_")).isFalse();
        assertThat(ResourceIds.hasPrefix("cus_", "cus_")).isFalse();
        assertThat(ResourceIds.hasPrefix(null, "cus_")).isFalse();
    }
}
