package com.novabilling.command.invoice;

import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceTotals;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.InvalidAmountException;
import com.novabilling.api.money.Money;
import com.novabilling.command.invoice.InvoiceTaxRates.TaxRate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines and totals of a one-off invoice (docs/billing-rules.md §6.2 steps 1 and 3): one ITEM line per item,
 * {@code quantity × unitAmount} rounded once HALF_UP to the currency; {@code subtotal = Σ items}; one TAX line per
 * non-zero rate, {@code round(subtotal × rate / 100)}; no discounts, credit notes or wallets. Pure: no clock, no
 * database.
 */
public final class OneOffInvoiceLines {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One item as asked: {@code unitAmount} already exact in the invoice's currency. */
    public record Item(String description, Money unitAmount, long quantity) {
    }

    public record Computed(List<InvoiceLine> lines, InvoiceTotals totals) {
    }

    private OneOffInvoiceLines() {
    }

    /** @throws ValidationException naming {@code items[i].quantity} or {@code items} when an amount is too large */
    public static Computed compute(CurrencyCode currency, List<Item> items, List<TaxRate> taxRates) {
        List<InvoiceLine> lines = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Money subtotal = Money.zero(currency);
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            BigDecimal unit = item.unitAmount().toMajor();
            BigDecimal quantity = BigDecimal.valueOf(item.quantity());
            try {
                Money amount = Money.ofMajorRounded(unit.multiply(quantity, Money.CONTEXT), currency);
                subtotal = subtotal.plus(amount);
                lines.add(new InvoiceLine(InvoiceLineType.ITEM, item.description(), quantity, unit, amount, null,
                        null, null, null, null, null, List.of(), null));
            } catch (InvalidAmountException | ArithmeticException e) {
                errors.add(new FieldError("items[" + i + "].quantity",
                        "amount × quantity exceeds the largest amount NovaBilling holds"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Money tax = Money.zero(currency);
        for (TaxRate rate : taxRates) {
            if (rate.percent().signum() == 0) {
                continue;
            }
            Money amount = Money.ofMajorRounded(subtotal.toMajor().multiply(rate.percent(), Money.CONTEXT)
                    .divide(HUNDRED, Money.CONTEXT), currency);
            tax = tax.plus(amount);
            lines.add(new InvoiceLine(InvoiceLineType.TAX, rate.name() + " " + rate.percent().stripTrailingZeros()
                    .toPlainString() + "%", null, null, amount, null, null, null, rate.name(), rate.percent(), null,
                    List.of(), null));
        }
        Money zero = Money.zero(currency);
        Money total = subtotal.plus(tax);
        return new Computed(lines, new InvoiceTotals(subtotal, zero, tax, total, zero, zero, zero, total));
    }
}
