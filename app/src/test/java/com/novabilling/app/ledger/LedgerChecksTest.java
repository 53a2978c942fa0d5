package com.novabilling.app.ledger;

import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteReason;
import com.novabilling.api.creditnote.CreditNoteType;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceLineUsage;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.wallet.WalletCreatedEvent;
import com.novabilling.api.wallet.WalletDraw;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionSettledEvent;
import com.novabilling.api.wallet.WalletTransactionStatus;
import com.novabilling.api.wallet.WalletTransactionType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The ledger verifier's pure checks, one violation at a time. */
class LedgerChecksTest {

    private static final CurrencyCode KES = CurrencyCode.KES;
    private static final Instant T0 = Instant.parse("2027-03-01T00:00:00Z");

    private static Money kes(long minor) {
        return Money.ofMinor(minor, KES);
    }

    private static InvoiceLine line(InvoiceLineType type, long minor) {
        return new InvoiceLine(type, type.name(), null, null, kes(minor), null, null, null, "src", null, null,
                List.of(), null);
    }

    private static InvoiceLine usage(String chargeId, long minor, String units, long events, String digest) {
        return new InvoiceLine(InvoiceLineType.USAGE, "usage", new BigDecimal(units), null, kes(minor), T0,
                T0.plusSeconds(3600), chargeId, chargeId, null, "default", List.of(),
                new InvoiceLineUsage(new BigDecimal(units), events, digest));
    }

    /** 3,000.00 + 6.25 usage − 100.00 discount + 16 % VAT; 500.00 credit note, 100.00 wallet, 1,000.00 paid. */
    private static InvoiceSnapshot invoice(InvoiceSnapshot.Totals totals) {
        return new InvoiceSnapshot("inv_1", InvoiceStatus.FINALIZED, "INV-000001", 1L, KES, "cus_1", "sub_1",
                List.of(line(InvoiceLineType.SUBSCRIPTION, 300_000), usage("ch_1", 625, "12.5", 2, "d"),
                        line(InvoiceLineType.DISCOUNT, -10_000), line(InvoiceLineType.TAX, 46_500),
                        line(InvoiceLineType.CREDIT_NOTE, -50_000), line(InvoiceLineType.WALLET, -10_000)),
                totals);
    }

    private static final InvoiceSnapshot.Totals RIGHT =
            new InvoiceSnapshot.Totals(300_625, 10_000, 46_500, 337_125, 50_000, 10_000, 100_000, 177_125);

    @Nested
    class InvoiceTotals {

        @Test
        void totalsThatAreTheSumsOfTheLinesPass() {
            assertThat(InvoiceTotalsCheck.check(invoice(RIGHT), "read model", 0)).isEmpty();
        }

        @Test
        void anAmountDueOffByOneMinorUnitIsNamed() {
            InvoiceSnapshot.Totals wrong = new InvoiceSnapshot.Totals(300_625, 10_000, 46_500, 337_125, 50_000, 10_000,
                    100_000, 177_126);
            assertThat(InvoiceTotalsCheck.check(invoice(wrong), "read model", 0)).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.INVOICE_TOTALS);
                assertThat(v.ids()).containsExactly("inv_1");
                assertThat(v.message()).contains("amountDue 177126 is not total − creditNotesAmount − walletAmount − "
                        + "amountPaid = 177125", "read model");
            });
        }

        @Test
        void aSubtotalThatIsNotTheSumOfTheFeesIsNamed() {
            InvoiceSnapshot.Totals wrong = new InvoiceSnapshot.Totals(300_000, 10_000, 46_500, 336_500, 50_000, 10_000,
                    100_000, 176_500);
            assertThat(InvoiceTotalsCheck.check(invoice(wrong), "event store", 0)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("subtotal 300000 is not Σ fee lines = 300625"));
        }

        @Test
        void anOffsetAppliedAfterFinalizationCountsInTheCreditNotesAmountWithoutALine() {
            InvoiceSnapshot.Totals offset = new InvoiceSnapshot.Totals(300_625, 10_000, 46_500, 337_125, 70_000,
                    10_000, 100_000, 157_125);
            assertThat(InvoiceTotalsCheck.check(invoice(offset), "read model", 20_000)).isEmpty();
            assertThat(InvoiceTotalsCheck.check(invoice(offset), "read model", 0)).hasSize(1);
        }

        @Test
        void aPaidInvoiceWithSomethingDueIsNamed() {
            InvoiceSnapshot paid = new InvoiceSnapshot("inv_1", InvoiceStatus.PAID, "INV-000001", 1L, KES, "cus_1",
                    null, invoice(RIGHT).lines(), RIGHT);
            assertThat(InvoiceTotalsCheck.check(paid, "read model", 0)).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("PAID with amountDue 177125"));
        }

        @Test
        void theReadModelAndTheEventsDifferingInALineOrATotalAreNamed() {
            InvoiceSnapshot events = invoice(RIGHT);
            assertThat(InvoiceTotalsCheck.compare(invoice(RIGHT), events)).isEmpty();
            List<InvoiceLine> lines = new java.util.ArrayList<>(events.lines());
            lines.set(1, usage("ch_1", 626, "12.50", 2, "d"));
            InvoiceSnapshot changed = new InvoiceSnapshot("inv_1", InvoiceStatus.PAID, "INV-000001", 1L, KES, "cus_1",
                    "sub_1", lines, RIGHT);
            assertThat(InvoiceTotalsCheck.compare(changed, events)).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.INVOICE_READ_MODEL);
                assertThat(v.message()).contains("status is PAID in the read model, FINALIZED in the event store",
                        "lines[1] is USAGE 626");
            });
        }

        @Test
        void aUnitCountWrittenWithAnotherScaleIsTheSameLine() {
            assertThat(InvoiceTotalsCheck.lineKey(usage("ch_1", 625, "12.50", 2, "d")))
                    .isEqualTo(InvoiceTotalsCheck.lineKey(usage("ch_1", 625, "12.5", 2, "d")));
        }
    }

    @Nested
    class DocumentNumbers {

        private List<LedgerViolation> check(long counter, DocumentNumbersCheck.Numbered... documents) {
            return DocumentNumbersCheck.check(LedgerChecks.INVOICE_NUMBERS, "Invoice", "read model", counter,
                    List.of(documents), position -> String.format("INV-%06d", position));
        }

        @Test
        void everyNumberUpToTheCounterOnceAndDraftsWithoutNumbersPass() {
            assertThat(check(2, new DocumentNumbersCheck.Numbered("a", "INV-000001", 1L),
                    new DocumentNumbersCheck.Numbered("b", "INV-000002", 2L),
                    new DocumentNumbersCheck.Numbered("draft", null, null))).isEmpty();
        }

        @Test
        void aGapIsNamedByTheMissingNumber() {
            assertThat(check(3, new DocumentNumbersCheck.Numbered("a", "INV-000001", 1L),
                    new DocumentNumbersCheck.Numbered("c", "INV-000003", 3L))).singleElement().satisfies(v -> {
                        assertThat(v.ids()).containsExactly("INV-000002");
                        assertThat(v.message()).contains("1 number(s)", "counter 3");
                    });
        }

        @Test
        void aDuplicateANumberBeyondTheCounterAndAMisspeltNumberAreNamedByTheDocuments() {
            List<LedgerViolation> found = check(2, new DocumentNumbersCheck.Numbered("a", "INV-000001", 1L),
                    new DocumentNumbersCheck.Numbered("b", "INV-000001", 1L),
                    new DocumentNumbersCheck.Numbered("c", "INV-3", 3L));
            assertThat(found).extracting(LedgerViolation::ids).contains(List.of("a", "b"), List.of("c"),
                    List.of("INV-000002"));
            assertThat(found).anySatisfy(v -> assertThat(v.message()).contains("INV-3", "expected INV-000003"));
            assertThat(found).anySatisfy(v -> assertThat(v.message()).contains("outside 1…2"));
        }

        @Test
        void aLongGapNamesAHundredNumbersAndCountsTheRest() {
            assertThat(check(250)).singleElement().satisfies(v -> {
                assertThat(v.ids()).hasSize(DocumentNumbersCheck.MAX_NAMED_GAPS).startsWith("INV-000001");
                assertThat(v.message()).startsWith("250 number(s)").endsWith(", …");
            });
        }
    }

    @Nested
    class Wallets {

        private final EventStoreLedger ledger = new EventStoreLedger();

        private WalletTransactionCreatedEvent tx(String id, WalletTransactionType type, WalletTransactionStatus status,
                                                 long minor, List<WalletDraw> draws, long balanceAfter) {
            return new WalletTransactionCreatedEvent("wal_1", "cus_1", id, type, status, BigDecimal.valueOf(minor),
                    kes(minor), type == WalletTransactionType.INVOICED ? "inv_1" : null, draws, T0, kes(balanceAfter));
        }

        private WalletDraw draw(String from, long minor) {
            return new WalletDraw(from, WalletTransactionType.GRANTED, T0, kes(1500), kes(minor), BigDecimal.ONE);
        }

        @Test
        void grantsPendingPurchasesSettlementsAndSpendingThatAddUpPass() {
            ledger.apply(new WalletCreatedEvent("wal_1", "cus_1", "w", KES, BigDecimal.ONE, 1, null, false, Map.of(), T0));
            ledger.apply(tx("g", WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, 1500, List.of(), 1500));
            ledger.apply(tx("p", WalletTransactionType.PURCHASED, WalletTransactionStatus.PENDING, 500, List.of(), 1500));
            ledger.apply(new WalletTransactionSettledEvent("wal_1", "cus_1", "p", kes(500), T0, kes(2000)));
            ledger.apply(tx("i", WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED, 1200,
                    List.of(draw("g", 1200)), 800));
            assertThat(ledger.walletViolations()).isEmpty();
            assertThat(ledger.wallets().get("wal_1").balance).isEqualTo(800);
            assertThat(ledger.wallets().get("wal_1").pending).isZero();
        }

        @Test
        void aStatedBalanceThatIsNotTheSettledTransactionsIsNamed() {
            ledger.apply(tx("g", WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, 1500, List.of(), 1400));
            assertThat(ledger.walletViolations()).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.WALLET_BALANCE);
                assertThat(v.ids()).containsExactly("wal_1", "g");
                assertThat(v.message()).contains("balance 1400", "add up to 1500");
            });
        }

        @Test
        void spendingMoreThanTheBalanceIsNamedAsNegativeAndAsAnOverdraw() {
            ledger.apply(tx("g", WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, 1500, List.of(), 1500));
            ledger.apply(tx("i", WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED, 2000,
                    List.of(draw("g", 2000)), -500));
            assertThat(ledger.walletViolations()).extracting(LedgerViolation::message)
                    .anySatisfy(m -> assertThat(m).contains("overdraws inbound transaction g by 500"))
                    .anySatisfy(m -> assertThat(m).contains("negative: -500"));
        }

        @Test
        void aDrawFromAPendingPurchaseIsNamed() {
            ledger.apply(tx("p", WalletTransactionType.PURCHASED, WalletTransactionStatus.PENDING, 500, List.of(), 0));
            ledger.apply(tx("v", WalletTransactionType.VOIDED, WalletTransactionStatus.SETTLED, 0,
                    List.of(draw("p", 0)), 0));
            assertThat(ledger.walletViolations()).singleElement()
                    .satisfies(v -> assertThat(v.message()).contains("not a settled inbound transaction"));
        }

        @Test
        void anInvoicesWalletAmountIsWhatItsWalletsSaySpentOnIt() {
            ledger.apply(tx("g", WalletTransactionType.GRANTED, WalletTransactionStatus.SETTLED, 1500, List.of(), 1500));
            ledger.apply(tx("i", WalletTransactionType.INVOICED, WalletTransactionStatus.SETTLED, 1200,
                    List.of(draw("g", 1200)), 300));
            assertThat(ledger.invoiceWalletViolations()).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.INVOICE_WALLET);
                assertThat(v.message()).contains("inv_1", "which has no events");
            });
        }
    }

    @Nested
    class CreditNotes {

        private final EventStoreLedger ledger = new EventStoreLedger();

        @Test
        void consumptionWithinTheCreditPassesAndBeyondItNamesTheNoteAndTheInvoices() {
            ledger.apply(new CreditNoteCreatedEvent("cn_1", "inv_0", "cus_1", KES, CreditNoteType.CREDIT,
                    CreditNoteReason.OTHER, null, List.of(), kes(500)));
            ledger.apply(new CreditNoteFinalizedEvent("cn_1", "inv_0", "cus_1", KES, CreditNoteType.CREDIT,
                    "CN-000001", 1, T0, kes(500), kes(500)));
            ledger.apply(new CreditNoteConsumedEvent("cn_1", "cus_1", "inv_1", kes(300), kes(200)));
            assertThat(ledger.creditNoteViolations()).isEmpty();
            ledger.apply(new CreditNoteConsumedEvent("cn_1", "cus_1", "inv_2", kes(300), kes(0)));
            assertThat(ledger.creditNoteViolations()).extracting(LedgerViolation::ids)
                    .contains(List.of("cn_1", "inv_1", "inv_2"), List.of("cn_1"));
        }
    }

    @Nested
    class UsageLines {

        @Test
        void theSameUsageAgainPassesWhateverTheScaleOfTheUnits() {
            assertThat(UsageLinesCheck.check("inv_1", List.of(usage("ch_1", 625, "12.5", 2, "d")),
                    List.of(usage("ch_1", 625, "12.50", 2, "d")))).isEmpty();
        }

        @Test
        void anotherDigestAnotherAmountAMissingAndAnUnbilledLineAreNamed() {
            List<LedgerViolation> found = UsageLinesCheck.check("inv_1",
                    List.of(usage("ch_1", 625, "12.5", 2, "d1"), usage("ch_2", 100, "1", 1, "x")),
                    List.of(usage("ch_1", 500, "10", 1, "d2"), usage("ch_3", 1, "1", 1, "y")));
            assertThat(found).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.USAGE_RERATING);
                assertThat(v.ids()).containsExactly("inv_1");
                assertThat(v.message()).contains("billed units 12.5, amount 625 KES, 2 events, digest d1",
                        "re-rated units 10, amount 500 KES, 1 events, digest d2", "charge ch_2",
                        "re-rating gives no line", "charge ch_3 bucket default: not billed");
            });
        }

        @Test
        void aWindowReRatedLateMatchesItsLastReRatingNotTheOriginalLines() {
            List<InvoiceLine> lastReRating = List.of(usage("ch_1", 800, "16", 3, "d3"));
            assertThat(UsageLinesCheck.checkReRated("inv_1", 2, lastReRating,
                    List.of(usage("ch_1", 800, "16", 3, "d3")))).isEmpty();
            assertThat(UsageLinesCheck.checkReRated("inv_1", 2, lastReRating,
                    List.of(usage("ch_1", 900, "18", 4, "d4")))).singleElement().satisfies(v -> {
                assertThat(v.check()).isEqualTo(LedgerChecks.USAGE_RERATING);
                assertThat(v.ids()).containsExactly("inv_1");
                assertThat(v.message()).contains("late-usage re-rating 2", "digest d3", "digest d4");
            });
        }
    }
}
