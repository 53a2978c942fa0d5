package com.novabilling.command.validation;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedMetadataValidatorTest {

    @Test
    void stripeLikeMetadataIsAccepted() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            metadata.put("key_" + i, "v".repeat(500));
        }
        metadata.put("key_0", Map.of("nested", List.of(1, 2L, new BigDecimal("12.50"), true)));
        assertThat(BoundedMetadataValidator.problem(metadata)).isNull();
        assertThat(BoundedMetadataValidator.problem(null)).isNull();
    }

    @Test
    void beyondTheBoundsIsRefusedWithTheReason() {
        Map<String, Object> tooMany = new LinkedHashMap<>();
        for (int i = 0; i < 51; i++) {
            tooMany.put("k" + i, "v");
        }
        assertThat(BoundedMetadataValidator.problem(tooMany)).isEqualTo("must have at most 50 keys");
        assertThat(BoundedMetadataValidator.problem(Map.of("k".repeat(41), "v"))).contains("keys must be 1 to 40");
        assertThat(BoundedMetadataValidator.problem(Map.of("k", "v".repeat(501)))).contains("at most 500 characters");
        assertThat(BoundedMetadataValidator.problem(Map.of("k", Map.of("a", Map.of("b", Map.of("c", 1))))))
                .contains("must not nest more than 3 levels");
        assertThat(BoundedMetadataValidator.problem(Map.of("k", new BigDecimal("1e1000")))).contains("10^18");
        assertThat(BoundedMetadataValidator.problem(Map.of("k", new BigInteger("1".repeat(30))))).contains("10^18");
    }
}
