package com.novabilling.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Invoice answers compared across reads (a rebuild, a retry). */
public final class InvoiceAnswers {

    private InvoiceAnswers() {
    }

    /** The invoice without its {@code pdfUrl}, a link signed afresh on every read. */
    public static JsonNode withoutPdfUrl(JsonNode invoice) {
        ObjectNode copy = invoice.deepCopy();
        copy.remove("pdfUrl");
        return copy;
    }
}
