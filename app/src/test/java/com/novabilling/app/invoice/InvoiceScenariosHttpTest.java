package com.novabilling.app.invoice;

import com.fasterxml.jackson.databind.JsonNode;
import com.novabilling.app.support.Api;
import com.novabilling.app.support.IntegrationTest;
import com.novabilling.app.support.TestTenant;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invoice scenario matrix of issue 12 item 10 that {@link RecurringInvoiceHttpTest} and
 * {@link YearOfInvoicesHttpTest} leave open: the other intervals and billing timings over a year of the test clock
 * (WEEKLY in advance in NGN, QUARTERLY in arrears in KES, YEARLY in advance in UGX with a pause), a trial, a downgrade
 * at period end, cancel at period end in advance (in arrears: the quarterly year's last quarter), and FOREVER and ONCE
 * percentage coupons. Every invoice is checked line by line to the minor unit against amounts worked out in the
 * comments (docs/billing-rules.md §6.3: each line rounded once HALF_UP; §13.2: fees → coupons → tax).
 */
class InvoiceScenariosHttpTest extends IntegrationTest {

    /**
     * 53 weekly boundaries in one move of the test clock (2038-01-04 → 2039-01-03, 364 days = 52 weeks): one invoice
     * each, in boundary order, each billing the coming week in advance and issued at its boundary.
     */
    @Test
    void aYearOfWeeklyInAdvanceInvoicesInNgnFromOneMoveOfTheTestClock() {
        TestTenant t = registerTenant();
        Instant start = Instant.parse("2038-01-04T09:00:00Z"); // a Monday
        advanceTo(t, start.toString());
        String planId = plan(t, "WEEKLY", "NGN", "1234.57", Map.of());
        String customerId = customer(t, "NGN", "7.5");
        String subscriptionId = subscribe(t, customerId, planId);

        advanceTo(t, "2039-01-03T09:00:01Z");

        List<JsonNode> invoices = awaitInvoices(t, subscriptionId, 53);
        for (int k = 0; k < 53; k++) {
            JsonNode invoice = invoices.get(k);
            Instant boundary = start.plus(Duration.ofDays(7L * k));
            String at = "week " + k + " (" + boundary + ")";
            assertThat(invoice.get("invoiceNumber").asText()).as(at).isEqualTo(String.format("INV-%06d", k + 1));
            assertThat(invoice.get("currency").asText()).isEqualTo("NGN");
            // the clock stood at each boundary until its invoice was issued: issued and due then (no payment terms)
            assertThat(Instant.parse(invoice.get("issuedAt").asText())).as(at).isEqualTo(boundary);
            assertThat(Instant.parse(invoice.get("dueDate").asText())).as(at).isEqualTo(boundary);
            // the period the boundary closes (none at the start: the opening one)
            Instant periodStart = k == 0 ? boundary : boundary.minus(Duration.ofDays(7));
            assertThat(Instant.parse(invoice.get("periodStart").asText())).as(at).isEqualTo(periodStart);
            assertThat(Instant.parse(invoice.get("periodEnd").asText())).as(at)
                    .isEqualTo(periodStart.plus(Duration.ofDays(7)));
            JsonNode fee = invoice.get("lines").get(0);
            assertThat(Instant.parse(fee.get("periodStart").asText())).as(at).isEqualTo(boundary);
            assertThat(Instant.parse(fee.get("periodEnd").asText())).as(at).isEqualTo(boundary.plus(Duration.ofDays(7)));
            // 1,234.57 in advance; VAT 7.5 % of 123,457 minor = 9,259.275 → 9,259 (92.59); total 1,327.16
            assertInvoice(invoice, at, "1234.57", "0", "92.59", "1327.16", "1327.16",
                    "SUBSCRIPTION 1234.57", "TAX 92.59");
            assertThat(invoice.at("/lines/1/description").asText()).isEqualTo("VAT 7.5 %");
        }
    }

    /**
     * Four quarters billed in arrears with usage (the first boundary, the start, bills nothing), the last quarter
     * canceled at its end: its final invoice bills the quarter's fee and usage, then nothing more is billed.
     */
    @Test
    void aYearOfQuarterlyInArrearsInvoicesInKesEndingWithACancellationAtPeriodEnd() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-01-01T00:00:00Z");
        String planId = plan(t, "QUARTERLY", "KES", "9000", Map.of("billingTiming", "IN_ARREARS"));
        Metric storage = metric(t);
        String chargeId = charge(t, planId, storage, "KES", "0.35");
        String customerId = customer(t, "KES", "16");
        String subscriptionId = subscribe(t, customerId, planId);

        advanceTo(t, "2038-02-14T00:00:00Z");
        event(t, subscriptionId, storage, "2038-02-14T00:00:00Z", "123.45");
        advanceTo(t, "2038-08-20T00:00:00Z"); // Q1 and Q2 close in this move
        event(t, subscriptionId, storage, "2038-08-20T00:00:00Z", "10");
        advanceTo(t, "2038-11-15T00:00:00Z"); // Q3 closes
        event(t, subscriptionId, storage, "2038-11-15T00:00:00Z", "2");
        Api.Response canceled = api().post("/api/subscriptions/" + subscriptionId + "/cancel", t.apiKey(),
                Map.of("cancelAt", "period_end"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);
        advanceTo(t, "2039-01-01T00:00:01Z"); // Q4 closes: the end
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("CANCELED");

        // exactly four, each closing its quarter: nothing billed at the start (in arrears)
        List<JsonNode> invoices = awaitInvoices(t, subscriptionId, 4);
        String[][] quarters = {{"2038-01-01", "2038-04-01"}, {"2038-04-01", "2038-07-01"},
                {"2038-07-01", "2038-10-01"}, {"2038-10-01", "2039-01-01"}};
        for (int q = 0; q < 4; q++) {
            JsonNode invoice = invoices.get(q);
            assertThat(invoice.get("periodStart").asText()).isEqualTo(quarters[q][0] + "T00:00:00Z");
            assertThat(invoice.get("periodEnd").asText()).isEqualTo(quarters[q][1] + "T00:00:00Z");
            JsonNode fee = invoice.get("lines").get(0);
            assertThat(fee.get("periodStart").asText()).as("the closed quarter's fee").isEqualTo(quarters[q][0] + "T00:00:00Z");
            assertThat(fee.get("periodEnd").asText()).isEqualTo(quarters[q][1] + "T00:00:00Z");
        }
        // Q1: 9,000.00 + 123.45 GB × 0.35 = 43.2075 → 43.21; subtotal 9,043.21; VAT 16 % of 904,321 minor =
        // 144,691.36 → 1,446.91; total 10,490.12
        assertInvoice(invoices.get(0), "Q1", "9043.21", "0", "1446.91", "10490.12", "10490.12",
                "SUBSCRIPTION 9000.00", "USAGE 43.21", "TAX 1446.91");
        JsonNode q1Usage = invoices.get(0).get("lines").get(1);
        assertThat(q1Usage.get("chargeId").asText()).isEqualTo(chargeId);
        assertThat(q1Usage.at("/usage/units").decimalValue()).isEqualByComparingTo("123.45");
        assertThat(q1Usage.at("/usage/eventCount").asLong()).isEqualTo(1);
        // Q2, no usage: 9,000.00 + VAT 1,440.00 = 10,440.00
        assertInvoice(invoices.get(1), "Q2", "9000.00", "0", "1440.00", "10440.00", "10440.00",
                "SUBSCRIPTION 9000.00", "TAX 1440.00");
        // Q3: 9,000.00 + 10 GB × 0.35 = 3.50; VAT 16 % of 9,003.50 = 1,440.56; total 10,444.06
        assertInvoice(invoices.get(2), "Q3", "9003.50", "0", "1440.56", "10444.06", "10444.06",
                "SUBSCRIPTION 9000.00", "USAGE 3.50", "TAX 1440.56");
        // Q4, canceled at its end, in arrears: the quarter's fee and usage, 9,000.00 + 2 GB × 0.35 = 0.70;
        // VAT 16 % of 900,070 minor = 144,011.2 → 1,440.11; total 10,440.81
        assertInvoice(invoices.get(3), "Q4 (final)", "9000.70", "0", "1440.11", "10440.81", "10440.81",
                "SUBSCRIPTION 9000.00", "USAGE 0.70", "TAX 1440.11");

        advanceTo(t, "2039-04-01T00:00:01Z"); // a canceled subscription has nothing due: no event, no invoice
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("CANCELED");
        assertThat(invoicesOf(t, subscriptionId)).as("nothing after the final quarter").hasSize(4);
    }

    /**
     * A year billed in advance in UGX (0 decimals), paused ten days in June: no money moves at the pause or the
     * resumption, the paid year is stretched to 2039-02-20, and the second invoice bills the next full year from there.
     */
    @Test
    void aYearlyInAdvanceUgxSubscriptionPausedTenDaysIsBilledAgainAtTheStretchedEnd() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-02-10T00:00:00Z");
        String planId = plan(t, "YEARLY", "UGX", "1234567", Map.of());
        String customerId = customer(t, "UGX", "18");
        String subscriptionId = subscribe(t, customerId, planId);
        // 1,234,567 in advance; VAT 18 % = 222,222.06 → 222,222; total 1,456,789
        JsonNode first = awaitInvoices(t, subscriptionId, 1).get(0);
        assertInvoice(first, "first year", "1234567", "0", "222222", "1456789", "1456789",
                "SUBSCRIPTION 1234567", "TAX 222222");
        assertThat(first.at("/lines/0/periodStart").asText()).isEqualTo("2038-02-10T00:00:00Z");
        assertThat(first.at("/lines/0/periodEnd").asText()).isEqualTo("2039-02-10T00:00:00Z");

        advanceTo(t, "2038-06-01T00:00:00Z");
        post(t, "/api/subscriptions/" + subscriptionId + "/pause");
        advanceTo(t, "2038-06-11T00:00:00Z");
        post(t, "/api/subscriptions/" + subscriptionId + "/resume");
        // 864,000 s paused: the period's end moves from 2039-02-10 to 2039-02-20
        assertThat(subscription(t, subscriptionId).get("currentPeriodEnd").asText()).isEqualTo("2039-02-20T00:00:00Z");

        advanceTo(t, "2039-02-15T00:00:00Z"); // past the unstretched end: nothing due there
        assertThat(subscription(t, subscriptionId).get("currentPeriodStart").asText()).isEqualTo("2038-02-10T00:00:00Z");

        advanceTo(t, "2039-02-20T00:00:01Z");
        // exactly two: no invoice at the pause, the resumption or 2039-02-10
        List<JsonNode> invoices = awaitInvoices(t, subscriptionId, 2);
        JsonNode second = invoices.get(1);
        assertThat(second.get("periodStart").asText()).isEqualTo("2038-02-10T00:00:00Z");
        assertThat(second.get("periodEnd").asText()).as("the stretched year closes").isEqualTo("2039-02-20T00:00:00Z");
        assertThat(second.at("/lines/0/periodStart").asText()).isEqualTo("2039-02-20T00:00:00Z");
        assertThat(second.at("/lines/0/periodEnd").asText()).isEqualTo("2040-02-20T00:00:00Z");
        // the full fee again, nothing prorated or refunded: 1,234,567 + 222,222 = 1,456,789
        assertInvoice(second, "second year", "1234567", "0", "222222", "1456789", "1456789",
                "SUBSCRIPTION 1234567", "TAX 222222");
        assertThat(creditNotesOf(t, customerId)).as("a pause credits nothing").isEmpty();
    }

    /**
     * A 14-day trial bills nothing, and its usage is never billed; the first invoice is issued at the trial's end
     * for the first paid month, the second at that month's end with the paid month's usage only.
     */
    @Test
    void aTrialBillsNothingAndTheFirstInvoiceComesAtItsEnd() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-05-03T10:00:00Z");
        String planId = plan(t, "MONTHLY", "KES", "2500", Map.of("trialDays", 14));
        Metric storage = metric(t);
        charge(t, planId, storage, "KES", "0.5");
        String customerId = customer(t, "KES", "16");
        String subscriptionId = subscribe(t, customerId, planId);
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("TRIALING");

        advanceTo(t, "2038-05-10T00:00:00Z");
        event(t, subscriptionId, storage, "2038-05-10T00:00:00Z", "10"); // during the trial
        advanceTo(t, "2038-05-17T09:59:59Z");
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("TRIALING");

        advanceTo(t, "2038-05-20T00:00:00Z");
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("ACTIVE");
        // exactly one, the trial end's: nothing was billed at the start or during the trial
        JsonNode first = awaitInvoices(t, subscriptionId, 1).get(0);
        assertThat(first.at("/lines/0/periodStart").asText()).isEqualTo("2038-05-17T10:00:00Z");
        assertThat(first.at("/lines/0/periodEnd").asText()).isEqualTo("2038-06-17T10:00:00Z");
        // 2,500.00 in advance + VAT 16 % 400.00 = 2,900.00; the trial's 10 GB are not on it
        assertInvoice(first, "trial end", "2500.00", "0", "400.00", "2900.00", "2900.00",
                "SUBSCRIPTION 2500.00", "TAX 400.00");
        event(t, subscriptionId, storage, "2038-05-20T00:00:00Z", "4");

        advanceTo(t, "2038-06-17T10:00:01Z");
        JsonNode second = awaitInvoices(t, subscriptionId, 2).get(1);
        JsonNode usage = second.get("lines").get(1);
        assertThat(usage.get("periodStart").asText()).as("the first paid month").isEqualTo("2038-05-17T10:00:00Z");
        assertThat(usage.get("periodEnd").asText()).isEqualTo("2038-06-17T10:00:00Z");
        assertThat(usage.at("/usage/units").decimalValue()).isEqualByComparingTo("4");
        assertThat(usage.at("/usage/eventCount").asLong()).isEqualTo(1);
        // 2,500.00 + 4 GB × 0.50 = 2.00 → 2,502.00; VAT 16 % 400.32; total 2,902.32
        assertInvoice(second, "first paid month closed", "2502.00", "0", "400.32", "2902.32", "2902.32",
                "SUBSCRIPTION 2500.00", "USAGE 2.00", "TAX 400.32");
        assertThat(second.at("/lines/0/periodStart").asText()).isEqualTo("2038-06-17T10:00:00Z");
    }

    /**
     * A downgrade Pro → Basic asked mid-period with timing PERIOD_END (W1's last row, in NGN): nothing moves at the
     * change; the boundary invoice bills Basic in advance plus the closed month's usage at Pro's charge; the month
     * after, Basic's fee and Basic's charge; no credit note.
     */
    @Test
    void aDowngradeAtPeriodEndBillsTheNewPlanFromTheNextInvoiceWithoutACreditNote() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String pro = plan(t, "MONTHLY", "NGN", "60000", Map.of());
        String basic = plan(t, "MONTHLY", "NGN", "30000", Map.of());
        Metric storage = metric(t);
        String proCharge = charge(t, pro, storage, "NGN", "1");
        String basicCharge = charge(t, basic, storage, "NGN", "0.5");
        String customerId = customer(t, "NGN", "7.5");
        String subscriptionId = subscribe(t, customerId, pro);
        // 60,000.00 + VAT 7.5 % 4,500.00 = 64,500.00
        assertInvoice(awaitInvoices(t, subscriptionId, 1).get(0), "March", "60000.00", "0", "4500.00",
                "64500.00", "64500.00", "SUBSCRIPTION 60000.00", "TAX 4500.00");

        advanceTo(t, "2038-03-11T12:00:00Z");
        Api.Response changed = api().post("/api/subscriptions/" + subscriptionId + "/change-plan", t.apiKey(),
                Map.of("planId", basic, "timing", "PERIOD_END"));
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);
        assertThat(subscription(t, subscriptionId).get("planId").asText()).as("still Pro until 04-01").isEqualTo(pro);
        advanceTo(t, "2038-03-20T00:00:00Z");
        event(t, subscriptionId, storage, "2038-03-20T00:00:00Z", "12.34");

        advanceTo(t, "2038-04-10T00:00:00Z");
        assertThat(subscription(t, subscriptionId).get("planId").asText()).isEqualTo(basic);
        event(t, subscriptionId, storage, "2038-04-10T00:00:00Z", "12.34");
        JsonNode april = awaitInvoices(t, subscriptionId, 2).get(1); // exactly two: nothing moved at the change
        // Basic in advance 30,000.00 for April + March's 12.34 GB at Pro's 1.00 = 12.34 → 30,012.34;
        // VAT 7.5 % of 3,001,234 minor = 225,092.55 → 2,250.93; total 32,263.27
        assertInvoice(april, "April (downgraded)", "30012.34", "0", "2250.93", "32263.27", "32263.27",
                "SUBSCRIPTION 30000.00", "USAGE 12.34", "TAX 2250.93");
        assertThat(april.at("/lines/0/periodStart").asText()).isEqualTo("2038-04-01T00:00:00Z");
        assertThat(april.at("/lines/1/chargeId").asText()).as("March's usage at Pro's charge").isEqualTo(proCharge);
        assertThat(april.at("/lines/1/periodStart").asText()).isEqualTo("2038-03-01T00:00:00Z");

        advanceTo(t, "2038-05-01T00:00:01Z");
        JsonNode may = awaitInvoices(t, subscriptionId, 3).get(2);
        // Basic 30,000.00 + April's 12.34 GB at Basic's 0.50 = 6.17 → 30,006.17;
        // VAT 7.5 % of 3,000,617 minor = 225,046.275 → 2,250.46; total 32,256.63
        assertInvoice(may, "May", "30006.17", "0", "2250.46", "32256.63", "32256.63",
                "SUBSCRIPTION 30000.00", "USAGE 6.17", "TAX 2250.46");
        assertThat(may.at("/lines/1/chargeId").asText()).isEqualTo(basicCharge);
        assertThat(creditNotesOf(t, customerId)).as("a downgrade credits nothing").isEmpty();
    }

    /**
     * Cancel at period end, in advance (UGX): the final invoice at the period's end bills the last period's usage and
     * no new fee; then nothing more.
     */
    @Test
    void cancelAtPeriodEndInAdvanceBillsOnlyTheLastPeriodsUsageThenNothing() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String planId = plan(t, "MONTHLY", "UGX", "50000", Map.of());
        Metric storage = metric(t);
        charge(t, planId, storage, "UGX", "150");
        String customerId = customer(t, "UGX", "18");
        String subscriptionId = subscribe(t, customerId, planId);
        // 50,000 + VAT 18 % 9,000 = 59,000
        assertInvoice(awaitInvoices(t, subscriptionId, 1).get(0), "March", "50000", "0", "9000", "59000", "59000",
                "SUBSCRIPTION 50000", "TAX 9000");

        advanceTo(t, "2038-03-10T00:00:00Z");
        event(t, subscriptionId, storage, "2038-03-10T00:00:00Z", "3");
        advanceTo(t, "2038-03-15T00:00:00Z");
        Api.Response canceled = api().post("/api/subscriptions/" + subscriptionId + "/cancel", t.apiKey(),
                Map.of("cancelAt", "period_end"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);
        advanceTo(t, "2038-03-20T00:00:00Z");
        event(t, subscriptionId, storage, "2038-03-20T00:00:00Z", "4");

        advanceTo(t, "2038-04-01T00:00:01Z");
        assertThat(subscription(t, subscriptionId).get("status").asText()).isEqualTo("CANCELED");
        JsonNode last = awaitInvoices(t, subscriptionId, 2).get(1);
        assertThat(last.get("periodStart").asText()).isEqualTo("2038-03-01T00:00:00Z");
        assertThat(last.get("periodEnd").asText()).isEqualTo("2038-04-01T00:00:00Z");
        // no fee for April; March's 7 GB × 150 = 1,050; VAT 18 % 189; total 1,239
        assertInvoice(last, "final", "1050", "0", "189", "1239", "1239", "USAGE 1050", "TAX 189");

        advanceTo(t, "2038-05-01T00:00:01Z"); // a canceled subscription has nothing due: no event, no invoice
        assertThat(invoicesOf(t, subscriptionId)).as("nothing after the last period").hasSize(2);
        assertThat(creditNotesOf(t, customerId)).isEmpty();
    }

    /**
     * Cancel now in arrears, W1's UGX column (Basic 50,000, canceled 2038-03-11T12:00Z, 907,200 s of March's 2,678,400
     * used): the final invoice bills the used part and the usage so far; no credit note (nothing was billed in
     * advance), then nothing more.
     */
    @Test
    void cancelNowInArrearsBillsTheUsedPartAndTheUsageSoFarW1() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String planId = plan(t, "MONTHLY", "UGX", "50000", Map.of("billingTiming", "IN_ARREARS"));
        Metric storage = metric(t);
        charge(t, planId, storage, "UGX", "150");
        String customerId = customer(t, "UGX", "18");
        String subscriptionId = subscribe(t, customerId, planId);
        advanceTo(t, "2038-03-05T00:00:00Z");
        event(t, subscriptionId, storage, "2038-03-05T00:00:00Z", "3");

        advanceTo(t, "2038-03-11T12:00:00Z");
        Api.Response canceled = api().post("/api/subscriptions/" + subscriptionId + "/cancel", t.apiKey(),
                Map.of("cancelAt", "now"));
        assertThat(canceled.status()).as(canceled.text()).isEqualTo(200);

        // exactly one: nothing at the start (in arrears), the final one at the cancellation
        JsonNode last = awaitInvoices(t, subscriptionId, 1).get(0);
        // remaining part 50,000 × 1,771,200 ÷ 2,678,400 = 33,064.5… → 33,065; used part 50,000 − 33,065 = 16,935;
        // usage 3 GB × 150 = 450; subtotal 17,385; VAT 18 % = 3,129.3 → 3,129; total 20,514
        assertInvoice(last, "cancel now", "17385", "0", "3129", "20514", "20514",
                "SUBSCRIPTION 16935", "USAGE 450", "TAX 3129");
        assertThat(last.at("/lines/0/periodStart").asText()).isEqualTo("2038-03-01T00:00:00Z");
        assertThat(last.at("/lines/0/periodEnd").asText()).isEqualTo("2038-03-11T12:00:00Z");
        assertThat(creditNotesOf(t, customerId)).as("nothing was billed in advance").isEmpty();

        advanceTo(t, "2038-04-01T00:00:01Z"); // a canceled subscription has nothing due: no event, no invoice
        assertThat(invoicesOf(t, subscriptionId)).hasSize(1);
    }

    /**
     * A FOREVER 12.5 % coupon applied before a ONCE 20 % coupon (KES): each takes its percentage of what the previous
     * left, tax is computed on what remains; the ONCE one is used up by the first invoice, the FOREVER one discounts
     * every invoice.
     */
    @Test
    void aForeverAndAOncePercentageCouponDiscountBeforeTax() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-01T00:00:00Z");
        String planId = plan(t, "MONTHLY", "KES", "2999.99", Map.of());
        Metric storage = metric(t);
        charge(t, planId, storage, "KES", "0.7");
        String customerId = customer(t, "KES", "16");
        String subscriptionId = subscribe(t, customerId, planId);
        // before the coupons: 2,999.99 + VAT 16 % of 299,999 minor = 47,999.84 → 480.00; total 3,479.99
        assertInvoice(awaitInvoices(t, subscriptionId, 1).get(0), "March", "2999.99", "0", "480.00", "3479.99",
                "3479.99", "SUBSCRIPTION 2999.99", "TAX 480.00");
        String foreverCode = uniqueCode("FOREVER").toUpperCase();
        String onceCode = uniqueCode("ONCE").toUpperCase();
        String forever = applyCoupon(t, customerId, Map.of("name", "Forever", "code", foreverCode,
                "discountType", "PERCENTAGE", "discountValue", 12.5, "duration", "FOREVER"));
        String once = applyCoupon(t, customerId, Map.of("name", "Once", "code", onceCode,
                "discountType", "PERCENTAGE", "discountValue", 20, "duration", "ONCE"));

        advanceTo(t, "2038-03-15T00:00:00Z");
        event(t, subscriptionId, storage, "2038-03-15T00:00:00Z", "33");
        advanceTo(t, "2038-04-01T00:00:01Z");
        JsonNode april = awaitInvoices(t, subscriptionId, 2).get(1);
        // fees 2,999.99 + 33 GB × 0.70 = 23.10 → 302,309 minor;
        // FOREVER 12.5 % = 37,788.625 → 37,789 (377.89), 264,520 left; ONCE 20 % = 52,904 (529.04), 211,616 left;
        // VAT 16 % of 211,616 = 33,858.56 → 33,859 (338.59); total 211,616 + 33,859 = 245,475 (2,454.75)
        assertInvoice(april, "April", "3023.09", "906.93", "338.59", "2454.75", "2454.75",
                "SUBSCRIPTION 2999.99", "USAGE 23.10", "DISCOUNT -377.89", "DISCOUNT -529.04", "TAX 338.59");
        assertThat(april.at("/lines/2/description").asText()).isEqualTo("Coupon " + foreverCode + " (12.5 %)");
        assertThat(april.at("/lines/3/description").asText()).isEqualTo("Coupon " + onceCode + " (20 %)");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                appliedCoupon(t, customerId, once).get("status").asText().equals("EXHAUSTED"));

        for (String boundary : List.of("2038-05-01T00:00:00Z", "2038-06-01T00:00:00Z")) {
            advanceTo(t, Instant.parse(boundary).plusSeconds(1).toString());
            List<JsonNode> invoices = awaitInvoices(t, subscriptionId, boundary.startsWith("2038-05") ? 3 : 4);
            JsonNode invoice = invoices.get(invoices.size() - 1);
            assertThat(invoice.at("/lines/0/periodStart").asText()).isEqualTo(boundary);
            // no usage: 299,999 minor; FOREVER 12.5 % = 37,499.875 → 37,500 (375.00), 262,499 left;
            // VAT 16 % = 41,999.84 → 42,000 (420.00); total 304,499 (3,044.99)
            assertInvoice(invoice, boundary, "2999.99", "375.00", "420.00", "3044.99", "3044.99",
                    "SUBSCRIPTION 2999.99", "DISCOUNT -375.00", "TAX 420.00");
        }
        JsonNode stillOn = appliedCoupon(t, customerId, forever);
        assertThat(stillOn.get("status").asText()).isEqualTo("ACTIVE");
    }

    /**
     * A calendar-aligned monthly subscription started 2038-03-11T12:00Z (W1's instant, tenant in UTC): its short first
     * period [03-11T12:00, 04-01) is billed its share of the fee, the months after in full.
     */
    @Test
    void aCalendarAlignedShortFirstPeriodIsBilledItsShareOfTheFee() {
        TestTenant t = registerTenant();
        advanceTo(t, "2038-03-11T12:00:00Z");
        String planId = plan(t, "MONTHLY", "KES", "3000", Map.of());
        String customerId = customer(t, "KES", "16");
        String subscriptionId = catalog(t).created("/api/subscriptions", Map.of("customerId", customerId,
                "planId", planId, "billingAnchor", "calendar"));
        JsonNode first = awaitInvoices(t, subscriptionId, 1).get(0);
        assertThat(first.at("/lines/0/periodStart").asText()).isEqualTo("2038-03-11T12:00:00Z");
        assertThat(first.at("/lines/0/periodEnd").asText()).isEqualTo("2038-04-01T00:00:00Z");
        // 1,771,200 s of March's 2,678,400: 300,000 minor × 1,771,200 ÷ 2,678,400 = 198,387.096… → 1,983.87;
        // VAT 16 % = 31,741.92 → 317.42; total 2,301.29
        assertInvoice(first, "short first period", "1983.87", "0", "317.42", "2301.29", "2301.29",
                "SUBSCRIPTION 1983.87", "TAX 317.42");

        advanceTo(t, "2038-04-01T00:00:01Z");
        JsonNode april = awaitInvoices(t, subscriptionId, 2).get(1);
        assertThat(april.at("/lines/0/periodStart").asText()).isEqualTo("2038-04-01T00:00:00Z");
        assertThat(april.at("/lines/0/periodEnd").asText()).isEqualTo("2038-05-01T00:00:00Z");
        // a full month: 3,000.00 + VAT 480.00 = 3,480.00
        assertInvoice(april, "April", "3000.00", "0", "480.00", "3480.00", "3480.00",
                "SUBSCRIPTION 3000.00", "TAX 480.00");
    }

    // --- catalog ---

    private record Metric(String id, String code) {
    }

    private String plan(TestTenant t, String interval, String currency, String amount, Map<String, Object> terms) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Plan " + interval, "code", uniqueCode("plan"),
                "billingInterval", interval, "prices", List.of(Map.of("currency", currency,
                        "amount", new BigDecimal(amount)))));
        body.putAll(terms);
        return catalog(t).plan(body);
    }

    /** A SUM metric over the property {@code gb}. */
    private Metric metric(TestTenant t) {
        String code = uniqueCode("storage");
        return new Metric(catalog(t).metric("Storage", code, "SUM", "gb"), code);
    }

    private String charge(TestTenant t, String planId, Metric metric, String currency, String perUnit) {
        return catalog(t).charge(Map.of("planId", planId, "billableMetricId", metric.id(), "currency", currency,
                "chargeModel", "STANDARD", "properties", Map.of("amount", new BigDecimal(perUnit))));
    }

    private String customer(TestTenant t, String currency, String vat) {
        return catalog(t).customer(Map.of("name", "Customer " + currency, "email", uniqueCode("c") + "@example.com",
                "currency", currency, "taxRate", new BigDecimal(vat), "taxName", "VAT"));
    }

    private String subscribe(TestTenant t, String customerId, String planId) {
        return catalog(t).created("/api/subscriptions", Map.of("customerId", customerId, "planId", planId));
    }

    private String applyCoupon(TestTenant t, String customerId, Map<String, Object> coupon) {
        String couponId = catalog(t).created("/api/coupons", coupon);
        return catalog(t).created("/api/coupons/apply", Map.of("couponId", couponId, "customerId", customerId));
    }

    private void event(TestTenant t, String subscriptionId, Metric metric, String timestamp, String gb) {
        Api.Response accepted = api().post("/api/events", t.apiKey(), Map.of("transactionId", uniqueCode("tx"),
                "subscriptionId", subscriptionId, "code", metric.code(), "timestamp", timestamp,
                "properties", Map.of("gb", new BigDecimal(gb))));
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(201);
    }

    // --- clock and answers ---

    private void post(TestTenant t, String path) {
        Api.Response answer = api().post(path, t.apiKey(), Map.of());
        assertThat(answer.status()).as(path + ": " + answer.text()).isEqualTo(200);
    }

    private JsonNode subscription(TestTenant t, String subscriptionId) {
        Api.Response read = api().get("/api/subscriptions/" + subscriptionId, t.apiKey());
        assertThat(read.status()).as(read.text()).isEqualTo(200);
        return read.body();
    }

    private static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100));
    }

    /**
     * The subscription's invoices once there are at least {@code count}, none a draft (no grace period here): then
     * exactly {@code count}, in number order. The invoicing processor handles a subscription's events in order, and a
     * read shows every invoice written before it (read-your-writes), so once the invoice of the latest boundary is
     * read, any invoice an earlier event issued is read with it: the count proves nothing else was billed.
     */
    private List<JsonNode> awaitInvoices(TestTenant t, String subscriptionId, int count) {
        await().until(() -> {
            List<JsonNode> invoices = invoicesOf(t, subscriptionId);
            return invoices.size() >= count
                    && invoices.stream().noneMatch(i -> i.get("status").asText().equals("DRAFT"));
        });
        List<JsonNode> invoices = invoicesOf(t, subscriptionId);
        invoices.sort(Comparator.comparing(i -> i.get("invoiceNumber").asText()));
        assertThat(invoices).as("invoices of " + subscriptionId).hasSize(count);
        return invoices;
    }

    private List<JsonNode> invoicesOf(TestTenant t, String subscriptionId) {
        Api.Response list = api().get("/api/invoices?subscriptionId=" + subscriptionId + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> invoices = new ArrayList<>();
        list.body().get("data").forEach(invoices::add);
        return invoices;
    }

    private List<JsonNode> creditNotesOf(TestTenant t, String customerId) {
        Api.Response list = api().get("/api/credit-notes?customerId=" + customerId + "&limit=100", t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<JsonNode> notes = new ArrayList<>();
        list.body().get("data").forEach(notes::add);
        return notes;
    }

    private JsonNode appliedCoupon(TestTenant t, String customerId, String appliedId) {
        Api.Response list = api().get("/api/coupons/applied/list?limit=100&customerId=" + customerId, t.apiKey());
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        for (JsonNode applied : list.body().get("data")) {
            if (applied.get("id").asText().equals(appliedId)) {
                return applied;
            }
        }
        throw new AssertionError("no applied coupon " + appliedId + " in " + list.text());
    }

    /**
     * The invoice is FINALIZED (or PAID when nothing is due) with exactly these lines ({@code "TYPE amount"}, in
     * order) and totals; in UGX every amount is a whole number.
     */
    private static void assertInvoice(JsonNode invoice, String label, String subtotal, String discount, String tax,
                                      String total, String amountDue, String... lines) {
        assertThat(invoice.get("status").asText()).as(label).isEqualTo("FINALIZED");
        List<String> actual = new ArrayList<>();
        invoice.get("lines").forEach(line -> actual.add(line.get("type").asText() + " "
                + normalized(line.get("amount").decimalValue())));
        assertThat(actual).as(label + ": " + invoice).containsExactlyElementsOf(Arrays.stream(lines)
                .map(line -> line.substring(0, line.indexOf(' ')) + " "
                        + normalized(new BigDecimal(line.substring(line.indexOf(' ') + 1))))
                .toList());
        assertThat(invoice.get("subtotal").decimalValue()).as(label + " subtotal").isEqualByComparingTo(subtotal);
        assertThat(invoice.get("discountAmount").decimalValue().abs()).as(label + " discount")
                .isEqualByComparingTo(discount);
        assertThat(invoice.get("taxAmount").decimalValue()).as(label + " tax").isEqualByComparingTo(tax);
        assertThat(invoice.get("total").decimalValue()).as(label + " total").isEqualByComparingTo(total);
        assertThat(invoice.get("amountDue").decimalValue()).as(label + " amount due").isEqualByComparingTo(amountDue);
        if (invoice.get("currency").asText().equals("UGX")) {
            assertThat(invoice.get("total").isIntegralNumber()).as(label + ": UGX has no decimals").isTrue();
            invoice.get("lines").forEach(line -> assertThat(line.get("amount").isIntegralNumber()).isTrue());
        }
    }

    private static String normalized(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
