package com.novabilling.query.customer;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.query.PageResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageResultJsonTest {

    @Test
    void pageSerialisesAsDataAndMeta() throws Exception {
        String json = JsonMapper.builder().build().writeValueAsString(PageResult.of(List.of("a", "b"), 150, 1, 20));

        assertThat(json).isEqualTo("{\"data\":[\"a\",\"b\"],\"meta\":{\"total\":150,\"page\":1,\"limit\":20,\"totalPages\":8}}");
    }
}
