package com.novabilling.api.creditnote;

import com.novabilling.api.money.Money;

import java.util.Objects;

/** One item of a credit note: what is credited and how much (minor units, the invoice's currency). */
public record CreditNoteItem(String description, Money amount) {

    public CreditNoteItem {
        Objects.requireNonNull(amount, "amount");
    }
}
