package com.novabilling.app.ledger;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A verification run writes each step, and of a pass over the store its start, every 5,000 positions and its end. */
class ThrottledLedgerProgressTest {

    private final List<String> written = new ArrayList<>();
    private final LedgerProgress recorder = new LedgerProgress() {
        @Override
        public void step(String step, int done, int total) {
            written.add(step + " " + done + "/" + total);
        }

        @Override
        public void events(long position, long head) {
            written.add(position + "/" + head);
        }
    };
    private final ThrottledLedgerProgress throttled = new ThrottledLedgerProgress(recorder, 5_000);

    @Test
    void aPassIsWrittenAtItsStartEveryFiveThousandPositionsAndAtTheHead() {
        throttled.step("event-store", 0, 7);
        for (long position = 0; position <= 12_345; position++) {
            throttled.events(position, 12_345);
        }
        assertThat(written).containsExactly("event-store 0/7", "0/12345", "5000/12345", "10000/12345",
                "12345/12345");
    }

    @Test
    void positionsWithGapsAreWrittenOnceFiveThousandHavePassed() {
        throttled.step("event-store", 0, 6);
        throttled.events(0, 20_000);
        throttled.events(4_999, 20_000);
        throttled.events(5_003, 20_000); // 5,000 was a rolled-back write: no event there
        throttled.events(10_002, 20_000);
        throttled.events(10_003, 20_000);
        assertThat(written).containsExactly("event-store 0/6", "0/20000", "5003/20000", "10003/20000");
    }

    @Test
    void everyStepIsWrittenAndStartsItsPassAfresh() {
        throttled.step("event-store", 0, 7);
        throttled.events(0, 9_000);
        throttled.events(9_000, 9_000);
        throttled.step("invoices", 1, 7);
        throttled.step("credit-notes", 2, 7);
        throttled.step("projection-rebuild", 6, 7);
        throttled.events(0, 9_000);
        throttled.events(3_000, 9_000);
        throttled.events(9_000, 9_000);
        assertThat(written).containsExactly("event-store 0/7", "0/9000", "9000/9000", "invoices 1/7",
                "credit-notes 2/7", "projection-rebuild 6/7", "0/9000", "9000/9000");
    }

    @Test
    void anEmptyStoreIsWrittenAsNothingOfNothing() {
        throttled.step("event-store", 0, 7);
        throttled.events(0, 0);
        assertThat(written).containsExactly("event-store 0/7", "0/0");
    }
}
