package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 3 (docs/billing-rules.md §13.2): per fee, taxable = fee − its share of the discounts; the fee is taxed at its
 * own rate, else the invoice's; one TAX line per rate, {@code round(Σ taxable × rate)} rounded once, HALF_UP. Rates
 * of 0 % (exempt) produce no line. Lines follow the order in which their rate first appears among the fees.
 */
final class InvoiceTaxes {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private InvoiceTaxes() {
    }

    static List<InvoiceLine> lines(CurrencyCode currency, List<FeeLine> fees, long[] discountShares,
                                   TaxRate defaultRate) {
        Map<TaxRate, Long> taxableByRate = new LinkedHashMap<>();
        for (int i = 0; i < fees.size(); i++) {
            TaxRate rate = fees.get(i).ownTaxRate() != null ? fees.get(i).ownTaxRate() : defaultRate;
            if (rate == null || rate.isExempt()) {
                continue;
            }
            long taxable = fees.get(i).amount().minor() - discountShares[i];
            taxableByRate.merge(rate, taxable, Math::addExact);
        }
        List<InvoiceLine> lines = new ArrayList<>();
        taxableByRate.forEach((rate, taxable) -> {
            Money tax = Money.ofMinor(BigDecimal.valueOf(taxable).multiply(rate.percent())
                    .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact(), currency);
            lines.add(new InvoiceLine(InvoiceLineType.TAX, rate.label(), null, null, tax, null, null, null,
                    rate.name(), rate.percent(), null, List.of(), null));
        });
        return lines;
    }
}
