package com.novabilling.api.query;

import java.util.List;

/** One page of a list resource; serialises as {@code {"data": [...], "meta": {...}}}. */
public record PageResult<T>(List<T> data, PageMeta meta) {

    public PageResult {
        data = List.copyOf(data);
    }

    public static <T> PageResult<T> of(List<T> data, long total, int page, int limit) {
        return new PageResult<>(data, PageMeta.of(total, page, limit));
    }
}
