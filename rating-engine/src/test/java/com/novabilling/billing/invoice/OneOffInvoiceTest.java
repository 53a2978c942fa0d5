package com.novabilling.billing.invoice;

import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static com.novabilling.api.money.CurrencyCode.KES;
import static com.novabilling.api.money.CurrencyCode.USD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A manually created invoice (issue 12 item 5): items × quantity, taxed, credit applied, no coupons. */
class OneOffInvoiceTest {

    static Money usd(String major) {
        return Money.ofMajor(new BigDecimal(major), USD);
    }

    @Test
    void itemsAreQuantityTimesUnitAmountThenTaxed() {
        // The seed's two items: 2 × 500.00 consulting and 1 × 250.00 setup; VAT 16 %.
        ComputedInvoice invoice = OneOffInvoice.compute(new OneOffInvoiceFacts(USD, List.of(
                new OneOffItem("Consulting hours", new BigDecimal("2"), usd("500.00")),
                new OneOffItem("Setup fee", BigDecimal.ONE, usd("250.00"))), TaxRate.of("VAT", "16"),
                List.of(new AvailableCredit("cn", null, Instant.parse("2026-01-01T00:00:00Z"), usd("50.00"))),
                List.of()));

        assertThat(invoice.lines()).extracting(InvoiceLine::type, InvoiceLine::amount).containsExactly(
                tuple(InvoiceLineType.ITEM, usd("1000.00")),
                tuple(InvoiceLineType.ITEM, usd("250.00")),
                tuple(InvoiceLineType.TAX, usd("200.00")),
                tuple(InvoiceLineType.CREDIT_NOTE, usd("-50.00")));
        assertThat(invoice.lines().get(0).quantity()).isEqualByComparingTo("2");
        assertThat(invoice.lines().get(0).unitAmount()).isEqualByComparingTo("500.00");
        assertThat(invoice.totals().total()).isEqualTo(usd("1450.00"));
        assertThat(invoice.totals().amountDue()).isEqualTo(usd("1400.00"));
    }

    @Test
    void aFractionalQuantityIsRoundedOnceHalfUp() {
        OneOffItem item = new OneOffItem("Hours", new BigDecimal("1.5"), Money.ofMajor(new BigDecimal("0.33"), KES));

        assertThat(item.amount()).isEqualTo(Money.ofMajor(new BigDecimal("0.50"), KES)); // 0.495 → 0.50
    }

    @Test
    void anInvoiceWithoutItemsOrWithAZeroQuantityIsRefused() {
        assertThatThrownBy(() -> new OneOffInvoiceFacts(USD, List.of(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OneOffItem("x", BigDecimal.ZERO, usd("1.00")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
