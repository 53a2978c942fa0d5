package com.novabilling.query.audit;

import java.util.List;

/** One page of the audit trail; serialises as {@code {"data": [...], "meta": {total, page, limit, totalPages}}}. */
public record AuditEventPage(List<AuditEvent> data, Meta meta) {

    public AuditEventPage {
        data = List.copyOf(data);
    }

    public static AuditEventPage of(List<AuditEvent> data, long total, int page, int limit) {
        int totalPages = (int) ((total + limit - 1) / limit);
        return new AuditEventPage(data, new Meta(total, page, limit, totalPages));
    }

    public record Meta(long total, int page, int limit, int totalPages) {
    }
}
