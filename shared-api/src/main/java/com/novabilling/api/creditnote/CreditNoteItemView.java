package com.novabilling.api.creditnote;

import java.math.BigDecimal;

/** A credit note's item as the API answers it (major units). */
public record CreditNoteItemView(String description, BigDecimal amount) {

    public static CreditNoteItemView of(CreditNoteItem item) {
        return new CreditNoteItemView(item.description(), item.amount().toMajor());
    }
}
