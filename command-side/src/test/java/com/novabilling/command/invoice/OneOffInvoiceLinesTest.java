package com.novabilling.command.invoice;

import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.command.invoice.InvoiceTaxRates.TaxRate;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One-off invoice lines (docs/billing-rules.md §6.2 steps 1 and 3). */
class OneOffInvoiceLinesTest {

    @Test
    void theSeedsTwoItemsAddUpWithoutTax() {
        OneOffInvoiceLines.Computed computed = OneOffInvoiceLines.compute(CurrencyCode.KES, List.of(
                new OneOffInvoiceLines.Item("Pro Plan - Monthly", Money.ofMinor(1_500_000, CurrencyCode.KES), 1),
                new OneOffInvoiceLines.Item("Additional API calls (500)", Money.ofMinor(250_000, CurrencyCode.KES), 1)),
                List.of());
        assertThat(computed.lines()).extracting(line -> line.amount().minor()).containsExactly(1_500_000L, 250_000L);
        assertThat(computed.totals().subtotal().minor()).isEqualTo(1_750_000);
        assertThat(computed.totals().taxAmount().isZero()).isTrue();
        assertThat(computed.totals().total().minor()).isEqualTo(1_750_000);
        assertThat(computed.totals().amountDue().minor()).isEqualTo(1_750_000);
    }

    @Test
    void quantityTimesUnitAndOneTaxLinePerNonZeroRateRoundedOnceHalfUp() {
        // 3 × 33.35 = 100.05; VAT 16 % = 16.008 → 16.01; levy 1.5 % = 1.50075 → 1.50; exempt 0 % gives no line
        OneOffInvoiceLines.Computed computed = OneOffInvoiceLines.compute(CurrencyCode.KES, List.of(
                        new OneOffInvoiceLines.Item("Seats", Money.ofMinor(3_335, CurrencyCode.KES), 3)),
                List.of(new TaxRate("VAT", new BigDecimal("16")), new TaxRate("Levy", new BigDecimal("1.5")),
                        new TaxRate("Exempt", BigDecimal.ZERO)));
        assertThat(computed.lines()).extracting(line -> line.type()).containsExactly(InvoiceLineType.ITEM,
                InvoiceLineType.TAX, InvoiceLineType.TAX);
        assertThat(computed.lines().get(0).quantity()).isEqualByComparingTo("3");
        assertThat(computed.lines().get(0).unitAmount()).isEqualByComparingTo("33.35");
        assertThat(computed.lines().get(0).amount().minor()).isEqualTo(10_005);
        assertThat(computed.lines().get(1).amount().minor()).isEqualTo(1_601);
        assertThat(computed.lines().get(1).description()).isEqualTo("VAT 16%");
        assertThat(computed.lines().get(1).taxRate()).isEqualByComparingTo("16");
        assertThat(computed.lines().get(2).amount().minor()).isEqualTo(150);
        assertThat(computed.totals().taxAmount().minor()).isEqualTo(1_751);
        assertThat(computed.totals().total().minor()).isEqualTo(11_756);
    }

    @Test
    void zeroDecimalCurrenciesRoundTaxToWholeUnits() {
        // UGX 2,500.5 → 2,501 (docs/billing-rules.md §9): 15,628 × 16 % = 2,500.48 → 2,500
        OneOffInvoiceLines.Computed computed = OneOffInvoiceLines.compute(CurrencyCode.UGX, List.of(
                new OneOffInvoiceLines.Item("Item", Money.ofMinor(15_628, CurrencyCode.UGX), 1)),
                List.of(new TaxRate("VAT", new BigDecimal("16"))));
        assertThat(computed.totals().taxAmount().minor()).isEqualTo(2_500);
        assertThat(computed.totals().total().minor()).isEqualTo(18_128);
    }

    @Test
    void anAmountBeyondWhatIsHeldNamesTheItemsQuantity() {
        assertThatThrownBy(() -> OneOffInvoiceLines.compute(CurrencyCode.KES, List.of(
                new OneOffInvoiceLines.Item("ok", Money.ofMinor(100, CurrencyCode.KES), 1),
                new OneOffInvoiceLines.Item("huge", Money.ofMinor(100_000_000_000_000L, CurrencyCode.KES), 1_000_000)),
                List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("items[1].quantity"));
    }
}
