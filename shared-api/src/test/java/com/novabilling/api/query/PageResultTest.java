package com.novabilling.api.query;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageResultTest {

    @Test
    void totalPagesRoundsUp() {
        assertThat(PageMeta.of(150, 1, 20)).isEqualTo(new PageMeta(150, 1, 20, 8));
        assertThat(PageMeta.of(40, 2, 20).totalPages()).isEqualTo(2);
    }

    @Test
    void emptyListHasNoPages() {
        PageResult<String> page = PageResult.of(List.of(), 0, 1, 20);

        assertThat(page.data()).isEmpty();
        assertThat(page.meta()).isEqualTo(new PageMeta(0, 1, 20, 0));
    }

    @Test
    void sortOrderIgnoresLetterCase() {
        assertThat(SortOrder.parse("Asc")).contains(SortOrder.ASC);
        assertThat(SortOrder.parse("DESC")).contains(SortOrder.DESC);
        assertThat(SortOrder.parse("up")).isEmpty();
        assertThat(SortOrder.parse(null)).isEmpty();
    }
}
