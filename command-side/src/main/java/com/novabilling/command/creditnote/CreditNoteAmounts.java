package com.novabilling.command.creditnote;

import com.novabilling.api.creditnote.CreditNoteItem;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.validation.AmountInput;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A credit note's {@code amount} or {@code items} (exactly one of them) as items in minor units of the invoice's
 * currency; problems are 400s naming the request's field ({@code amount}, {@code items[1].amount}).
 */
final class CreditNoteAmounts {

    static final String RULE = "Give either amount or items, not both";
    static final int MAX_ITEMS = 100;

    private CreditNoteAmounts() {
    }

    /** The items; empty when neither is given and {@code required} is false (a PATCH keeping its amount). */
    static Optional<List<CreditNoteItem>> items(BigDecimal amount, List<CreditNoteItemRequest> items,
                                                CurrencyCode currency, boolean required) {
        if (amount != null && items != null) {
            throw new ValidationException("amount", "must not be given together with items (" + RULE + ")");
        }
        if (amount == null && items == null) {
            if (required) {
                throw new ValidationException("amount", "is required unless items are given");
            }
            return Optional.empty();
        }
        List<FieldError> errors = new ArrayList<>();
        List<CreditNoteItem> result = new ArrayList<>();
        if (amount != null) {
            positive(amount, currency, "amount").ifPresentOrElse(errors::add,
                    () -> result.add(new CreditNoteItem(null, Money.ofMajor(amount, currency))));
        } else {
            for (int i = 0; i < items.size(); i++) {
                CreditNoteItemRequest item = items.get(i);
                String field = "items[" + i + "].amount";
                positive(item.amount(), currency, field).ifPresentOrElse(errors::add, () -> result.add(
                        new CreditNoteItem(item.description() == null ? null : item.description().trim(),
                                Money.ofMajor(item.amount(), currency))));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Optional.of(List.copyOf(result));
    }

    private static Optional<FieldError> positive(BigDecimal amount, CurrencyCode currency, String field) {
        if (amount != null && amount.signum() == 0) {
            return Optional.of(new FieldError(field, "must be more than 0"));
        }
        return AmountInput.problem(amount, currency, field);
    }
}
