package com.novabilling.api.query;

/** Pagination facts of one page of a list: {@code page} is 1-based. */
public record PageMeta(long total, int page, int limit, int totalPages) {

    public static PageMeta of(long total, int page, int limit) {
        int totalPages = limit <= 0 ? 0 : (int) ((total + limit - 1) / limit);
        return new PageMeta(total, page, limit, totalPages);
    }
}
