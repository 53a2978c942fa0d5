package com.novabilling.app.ledger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.FindCreditNoteQuery;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceLine;
import com.novabilling.api.invoice.InvoiceLineType;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.wallet.FindWalletQuery;
import com.novabilling.app.axon.AxonProperties;
import com.novabilling.app.axon.TenantAxonRuntime;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.billing.invoice.FeeLine;
import com.novabilling.command.creditnote.CreditNoteNumbers;
import com.novabilling.command.invoice.DraftInvoiceUsage;
import com.novabilling.command.invoice.InvoiceNumbers;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Verifies the current tenant's ledger (issue 13 item 6): reads its event store once, folding invoices, credit notes
 * and wallets ({@link EventStoreLedger}); reads the read models and the command side's counters and balances with
 * plain SQL in the tenant's own database; re-rates each billed usage window from the usage ledger
 * ({@link DraftInvoiceUsage}, the invoicing's own rating); and hands each comparison to a small pure check.
 * Everything runs on the calling thread (a request, or a verification run of {@link LedgerVerifications}), for the
 * tenant bound to it: another tenant's database is never opened.
 * <p>
 * In the application module because it spans the command side (counters, {@code credit_note_balance}, rating), the
 * query side's read models and the event store, which only the application assembles.
 */
@Service
public class LedgerVerifier {

    /** Violations listed in one answer at most; {@code violationCount} has them all. */
    static final int MAX_LISTED = 1000;
    private static final int STREAM_STALL_SECONDS = 30;
    private static final Set<String> LEDGER_EVENTS = Set.of("InvoiceCreatedEvent", "InvoiceDraftRevisedEvent",
            "InvoiceWalletCreditsAppliedEvent", "InvoiceFinalizedEvent", "InvoicePaymentRecordedEvent",
            "InvoiceCreditNoteAppliedEvent", "InvoicePaidEvent", "InvoiceVoidedEvent", "CreditNoteCreatedEvent",
            "CreditNoteDraftUpdatedEvent", "CreditNoteFinalizedEvent", "CreditNoteConsumedEvent",
            "CreditNoteVoidedEvent", "WalletCreatedEvent", "WalletTransactionCreatedEvent",
            "WalletTransactionSettledEvent", "WalletTransactionFailedEvent", "ClosedUsageWindowReRatedEvent",
            "ClosedUsageWindowReRatedWithoutDifferenceEvent");
    /** The lines as the invoices projection stored them (Hibernate's JSON): lenient about properties it added. */
    private static final ObjectMapper LINES = JsonMapper.builder().findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private static final TypeReference<List<InvoiceLine>> LINE_LIST = new TypeReference<>() {
    };

    /** The steps a verification goes through, in order, as {@link LedgerProgress} names them. */
    static final String STEP_EVENT_STORE = "event-store";
    static final String STEP_INVOICES = "invoices";
    static final String STEP_CREDIT_NOTES = "credit-notes";
    static final String STEP_DOCUMENT_NUMBERS = "document-numbers";
    static final String STEP_WALLETS = "wallets";
    static final String STEP_USAGE = "usage-rerating";
    static final String STEP_PROJECTION_REBUILD = "projection-rebuild";

    private final TenantRuntimeRegistry runtimes;
    private final JdbcTemplate jdbc;
    private final DraftInvoiceUsage usage;
    private final Clock clock;
    private final ProjectionReplayCheck replay;
    private final Duration readModelWait;

    public LedgerVerifier(TenantRuntimeRegistry runtimes, JdbcTemplate jdbc, DraftInvoiceUsage usage, Clock clock,
                          ProjectionReplayCheck replay, AxonProperties axon) {
        this.runtimes = runtimes;
        this.jdbc = jdbc;
        this.usage = usage;
        this.clock = clock;
        this.replay = replay;
        this.readModelWait = axon.readYourWritesTimeout();
    }

    /** The steps {@link #verify(boolean, LedgerProgress)} goes through. */
    static int steps(boolean rebuild) {
        return rebuild ? 7 : 6;
    }

    /**
     * @param rebuild  whether to run the projection rebuild check too (the heaviest: it replays the whole store
     *                 through the projections)
     * @param progress told of each step as it begins and of each pass over the event store as it reads
     */
    public LedgerReport verify(boolean rebuild, LedgerProgress progress) {
        int steps = steps(rebuild);
        Instant checkedAt = clock.instant();
        long started = System.nanoTime();
        TenantAxonRuntime runtime = runtimes.current();
        Map<String, Long> counts = new LinkedHashMap<>();
        List<LedgerViolation> violations = new ArrayList<>();
        List<LedgerReport.SkippedCheck> skipped = new ArrayList<>();
        List<String> checks = new ArrayList<>(LedgerChecks.ALL);

        long head = runtime.headPosition();
        progress.step(STEP_EVENT_STORE, 0, steps);
        EventStoreLedger events = readEventStore(runtime, head, progress);
        counts.put("events", events.events());

        // 1. invoices: totals from their lines in both sources, and the read model against the events
        progress.step(STEP_INVOICES, 1, steps);
        boolean invoicesCurrent = readModelCaughtUp(runtime, head, LedgerChecks.INVOICE_READ_MODEL,
                FindInvoiceQuery.class, checks, skipped);
        Map<String, InvoiceSnapshot> readModel = invoicesCurrent ? readInvoices() : Map.of();
        if (invoicesCurrent) {
            counts.put("invoices", (long) readModel.size());
        }
        counts.put("invoicesInEventStore", (long) events.invoices().size());
        for (EventStoreLedger.InvoiceFold folded : events.invoices().values()) {
            if (folded.totals == null) {
                violations.add(LedgerViolation.of(LedgerChecks.INVOICE_READ_MODEL, folded.id, "Invoice " + folded.id
                        + " has events but no InvoiceCreatedEvent"));
                continue;
            }
            InvoiceSnapshot fromEvents = folded.snapshot();
            violations.addAll(InvoiceTotalsCheck.check(fromEvents, "event store", folded.offsetsApplied));
            if (!invoicesCurrent) {
                continue;
            }
            InvoiceSnapshot stored = readModel.get(folded.id);
            if (stored == null) {
                violations.add(LedgerViolation.of(LedgerChecks.INVOICE_READ_MODEL, folded.id, "Invoice " + folded.id
                        + " is in the event store but not in the read model"));
            } else {
                violations.addAll(InvoiceTotalsCheck.check(stored, "read model", folded.offsetsApplied));
                violations.addAll(InvoiceTotalsCheck.compare(stored, fromEvents));
            }
        }
        readModel.keySet().stream().filter(id -> !events.invoices().containsKey(id)).forEach(id -> violations.add(
                LedgerViolation.of(LedgerChecks.INVOICE_READ_MODEL, id, "Invoice " + id
                        + " is in the read model but has no events")));
        violations.addAll(events.invoiceWalletViolations());

        // 2. credit notes: never consumed beyond their credit; read model and command-side balance agree
        progress.step(STEP_CREDIT_NOTES, 2, steps);
        counts.put("creditNotes", (long) events.creditNotes().size());
        violations.addAll(events.creditNoteViolations());
        boolean creditNotesCurrent = readModelCaughtUp(runtime, head, LedgerChecks.CREDIT_NOTE_READ_MODEL,
                FindCreditNoteQuery.class, checks, skipped);
        if (creditNotesCurrent) {
            violations.addAll(creditNoteTables(events));
        }

        // 3. gap-free numbers, in both sources
        progress.step(STEP_DOCUMENT_NUMBERS, 3, steps);
        Map<String, Long> counters = counters();
        long invoiceCounter = counters.getOrDefault("INVOICE", 0L);
        long creditNoteCounter = counters.getOrDefault("CREDIT_NOTE", 0L);
        counts.put("invoiceNumbers", invoiceCounter);
        counts.put("creditNoteNumbers", creditNoteCounter);
        violations.addAll(DocumentNumbersCheck.check(LedgerChecks.INVOICE_NUMBERS, "Invoice", "event store",
                invoiceCounter, events.invoices().values().stream()
                        .map(i -> new DocumentNumbersCheck.Numbered(i.id, i.invoiceNumber, i.sequenceNumber)).toList(),
                InvoiceNumbers::format));
        if (invoicesCurrent) {
            violations.addAll(DocumentNumbersCheck.check(LedgerChecks.INVOICE_NUMBERS, "Invoice", "read model",
                    invoiceCounter, readModel.values().stream()
                            .map(i -> new DocumentNumbersCheck.Numbered(i.id(), i.invoiceNumber(), i.sequenceNumber()))
                            .toList(), InvoiceNumbers::format));
        }
        violations.addAll(DocumentNumbersCheck.check(LedgerChecks.CREDIT_NOTE_NUMBERS, "Credit note", "event store",
                creditNoteCounter, events.creditNotes().values().stream()
                        .map(n -> new DocumentNumbersCheck.Numbered(n.id, n.number, n.sequenceNumber)).toList(),
                CreditNoteNumbers::format));
        if (creditNotesCurrent) {
            violations.addAll(DocumentNumbersCheck.check(LedgerChecks.CREDIT_NOTE_NUMBERS, "Credit note",
                    "read model", creditNoteCounter, jdbc.query(
                            "SELECT id, credit_note_number, sequence_number FROM credit_notes",
                            (row, i) -> new DocumentNumbersCheck.Numbered(row.getString(1), row.getString(2),
                                    (Long) row.getObject(3, Long.class))), CreditNoteNumbers::format));
        }

        // 4. wallets: the fold's own checks, then the read model where this database has one
        progress.step(STEP_WALLETS, 4, steps);
        counts.put("wallets", (long) events.wallets().size());
        counts.put("walletTransactions", events.wallets().values().stream().mapToLong(w -> w.transactions).sum());
        violations.addAll(events.walletViolations());
        if (hasColumn("wallets", "balance_minor")) {
            if (readModelCaughtUp(runtime, head, LedgerChecks.WALLET_READ_MODEL, FindWalletQuery.class, checks,
                    skipped)) {
                violations.addAll(walletReadModel(events));
            }
        } else {
            checks.remove(LedgerChecks.WALLET_READ_MODEL);
            skipped.add(new LedgerReport.SkippedCheck(LedgerChecks.WALLET_READ_MODEL,
                    "this tenant's database has no wallets read model (table wallets with balance_minor)"));
        }

        // 5. usage lines re-rated from the usage ledger
        progress.step(STEP_USAGE, 5, steps);
        long usageLines = 0;
        long windows = 0;
        long reRatedWindows = 0;
        for (EventStoreLedger.InvoiceFold invoice : events.invoices().values()) {
            if (invoice.usageWindow == null || invoice.subscriptionId == null || invoice.currency == null
                    || (invoice.status != InvoiceStatus.FINALIZED && invoice.status != InvoiceStatus.PAID)) {
                continue; // drafts are re-rated until they finalize; voided invoices bill nothing
            }
            windows++;
            List<InvoiceLine> reRated = usage.usageLines(invoice.subscriptionId, invoice.currency, invoice.usageWindow)
                    .stream().map(FeeLine::line).toList();
            usageLines += invoice.lines.stream().filter(line -> line.type() == InvoiceLineType.USAGE).count();
            if (invoice.reRatedLines == null) {
                violations.addAll(UsageLinesCheck.check(invoice.id, invoice.lines, reRated));
            } else {
                reRatedWindows++;
                violations.addAll(UsageLinesCheck.checkReRated(invoice.id, invoice.reRatings, invoice.reRatedLines,
                        reRated));
            }
        }
        counts.put("usageWindows", windows);
        counts.put("usageLines", usageLines);
        counts.put("usageWindowsReRatedLate", reRatedWindows);

        // 6. every read-model projection rebuilt from the events into a scratch schema gives the same rows
        if (rebuild) {
            progress.step(STEP_PROJECTION_REBUILD, 6, steps);
            ProjectionReplayCheck.Outcome outcome;
            try {
                outcome = replay.run(runtime, head, progress);
            } catch (RuntimeException e) {
                outcome = new ProjectionReplayCheck.Outcome(0, 0, List.of(), "the replay failed: " + e.getMessage());
            }
            if (outcome.skippedBecause() == null) {
                checks.add(ProjectionReplayCheck.CHECK);
                counts.put("replayedEvents", outcome.events());
                counts.put("readModelRows", outcome.rows());
                violations.addAll(outcome.violations());
            } else {
                skipped.add(new LedgerReport.SkippedCheck(ProjectionReplayCheck.CHECK, outcome.skippedBecause()));
            }
        } else {
            skipped.add(new LedgerReport.SkippedCheck(ProjectionReplayCheck.CHECK, "not asked for (rebuild=false)"));
        }

        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<LedgerViolation> listed = violations.size() > MAX_LISTED ? violations.subList(0, MAX_LISTED) : violations;
        return new LedgerReport(violations.isEmpty(), checkedAt, durationMs, counts, List.copyOf(checks),
                List.copyOf(skipped), violations.size(), List.copyOf(listed));
    }

    /** One pass over the tenant's event store up to its head, folding the events that move money. */
    private static EventStoreLedger readEventStore(TenantAxonRuntime runtime, long head, LedgerProgress progress) {
        EventStoreLedger ledger = new EventStoreLedger();
        progress.events(0, Math.max(head, 0));
        if (head < 0) {
            return ledger;
        }
        try (BlockingStream<TrackedEventMessage<?>> stream = runtime.eventStore().openStream(null)) {
            while (true) {
                if (!stream.hasNextAvailable(STREAM_STALL_SECONDS, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the event store of tenant " + runtime.tenantId()
                            + " gave no event for " + STREAM_STALL_SECONDS + " s before its head " + head);
                }
                TrackedEventMessage<?> event = stream.nextAvailable();
                // only the events that move money are deserialized; the others are counted
                ledger.apply(LEDGER_EVENTS.contains(event.getPayloadType().getSimpleName()) ? event.getPayload() : null);
                long position = event.trackingToken().position().orElse(-1);
                progress.events(position, head);
                if (position >= head) {
                    return ledger;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
    }

    private Map<String, InvoiceSnapshot> readInvoices() {
        Map<String, InvoiceSnapshot> invoices = new LinkedHashMap<>();
        jdbc.query("SELECT id, status, invoice_number, sequence_number, currency, customer_id, subscription_id, "
                + "lines::text, subtotal_minor, discount_minor, tax_minor, total_minor, credit_notes_minor, "
                + "wallet_minor, amount_paid_minor, amount_due_minor FROM invoices ORDER BY id", row -> {
            String id = row.getString(1);
            invoices.put(id, new InvoiceSnapshot(id, InvoiceStatus.valueOf(row.getString(2)), row.getString(3),
                    (Long) row.getObject(4, Long.class), CurrencyCode.valueOf(row.getString(5)), row.getString(6),
                    row.getString(7), lines(row.getString(8)),
                    new InvoiceSnapshot.Totals(row.getLong(9), row.getLong(10), row.getLong(11), row.getLong(12),
                            row.getLong(13), row.getLong(14), row.getLong(15), row.getLong(16))));
        });
        return invoices;
    }

    private static List<InvoiceLine> lines(String json) {
        try {
            return json == null ? List.of() : LINES.readValue(json, LINE_LIST);
        } catch (IOException e) {
            throw new UncheckedIOException("an invoice's lines in the read model are not readable", e);
        }
    }

    /** The credit note read model and the command side's balance table against the credit notes' events. */
    private List<LedgerViolation> creditNoteTables(EventStoreLedger events) {
        List<LedgerViolation> violations = new ArrayList<>();
        Map<String, long[]> readModel = new LinkedHashMap<>();
        Map<String, String> readStatus = new LinkedHashMap<>();
        jdbc.query("SELECT id, status, amount_minor, credit_minor, remaining_minor FROM credit_notes", row -> {
            readModel.put(row.getString(1), new long[]{row.getLong(3), row.getLong(4), row.getLong(5)});
            readStatus.put(row.getString(1), row.getString(2));
        });
        Map<String, Long> balances = new LinkedHashMap<>();
        jdbc.query("SELECT credit_note_id, remaining_minor FROM credit_note_balance",
                row -> {
                    balances.put(row.getString(1), row.getLong(2));
                });
        for (EventStoreLedger.CreditNoteFold note : events.creditNotes().values()) {
            long remaining = note.status == CreditNoteStatus.VOIDED ? 0 : note.remaining();
            long[] stored = readModel.remove(note.id);
            String status = readStatus.get(note.id);
            List<String> differences = new ArrayList<>();
            if (stored == null) {
                differences.add("missing from the read model");
            } else {
                if (!Objects.equals(status, String.valueOf(note.status))) {
                    differences.add("status is " + status + " in the read model, " + note.status + " in the events");
                }
                if (stored[0] != note.amount) {
                    differences.add("amount is " + stored[0] + " in the read model, " + note.amount + " in the events");
                }
                if (note.status != CreditNoteStatus.DRAFT && stored[1] != note.credit) {
                    differences.add("credit is " + stored[1] + " in the read model, " + note.credit + " in the events");
                }
                if (note.status != CreditNoteStatus.DRAFT && stored[2] != remaining) {
                    differences.add("remaining is " + stored[2] + " in the read model, " + remaining
                            + " from its events (credit " + note.credit + " − consumed " + note.consumed + ")");
                }
            }
            Long balance = balances.remove(note.id);
            if (balance != null && note.status != CreditNoteStatus.DRAFT && balance != remaining) {
                differences.add("remaining is " + balance + " in credit_note_balance, " + remaining
                        + " from its events");
            }
            if (!differences.isEmpty()) {
                violations.add(LedgerViolation.of(LedgerChecks.CREDIT_NOTE_READ_MODEL, note.id, "Credit note "
                        + note.id + " (minor units): " + String.join("; ", differences)));
            }
        }
        readModel.keySet().forEach(id -> violations.add(LedgerViolation.of(LedgerChecks.CREDIT_NOTE_READ_MODEL, id,
                "Credit note " + id + " is in the read model but has no events")));
        balances.keySet().forEach(id -> violations.add(LedgerViolation.of(LedgerChecks.CREDIT_NOTE_READ_MODEL, id,
                "Credit note " + id + " is in credit_note_balance but has no events")));
        return violations;
    }

    /**
     * A read model is compared with the event store read up to {@code head}, so the projections it comes from must
     * have handled the event there first (they stream behind the writes): waits for them as a read-your-writes query
     * would. One still behind after that (stopped, or far behind) has its check skipped with the reason, rather than
     * its lag reported as differences; a failing one counts as caught up, so what it failed on shows as a difference.
     */
    private boolean readModelCaughtUp(TenantAxonRuntime runtime, long head, String check, Class<?> readByQuery,
                                      List<String> checks, List<LedgerReport.SkippedCheck> skipped) {
        if (head < 0 || runtime.awaitReadModelsAt(readByQuery, head, readModelWait)) {
            return true;
        }
        checks.remove(check);
        skipped.add(new LedgerReport.SkippedCheck(check, "its projection had not handled the event store up to "
                + "position " + head + " after " + readModelWait.toSeconds() + " s; verify again when "
                + "GET /api/admin/projections shows it caught up"));
        return false;
    }

    private Map<String, Long> counters() {
        Map<String, Long> counters = new LinkedHashMap<>();
        jdbc.query("SELECT kind, last_number FROM document_number_counter",
                row -> {
                    counters.put(row.getString(1), row.getLong(2));
                });
        return counters;
    }

    /** The wallets read model (written on another branch; checked only where the table exists) against the fold. */
    private List<LedgerViolation> walletReadModel(EventStoreLedger events) {
        boolean hasPending = hasColumn("wallets", "pending_minor");
        Map<String, long[]> stored = new LinkedHashMap<>();
        jdbc.query("SELECT id, balance_minor" + (hasPending ? ", pending_minor" : "") + " FROM wallets", row -> {
            stored.put(row.getString(1), new long[]{row.getLong(2), hasPending ? row.getLong(3) : 0});
        });
        List<LedgerViolation> violations = new ArrayList<>();
        for (EventStoreLedger.WalletFold wallet : events.wallets().values()) {
            long[] row = stored.remove(wallet.id);
            if (row == null) {
                violations.add(LedgerViolation.of(LedgerChecks.WALLET_READ_MODEL, wallet.id, "Wallet " + wallet.id
                        + " has events but is not in the wallets read model"));
                continue;
            }
            if (row[0] != wallet.balance) {
                violations.add(LedgerViolation.of(LedgerChecks.WALLET_READ_MODEL, wallet.id, "Wallet " + wallet.id
                        + " has balance_minor " + row[0] + " in the read model; its settled transactions add up to "
                        + wallet.balance));
            }
            if (hasPending && row[1] != wallet.pending) {
                violations.add(LedgerViolation.of(LedgerChecks.WALLET_READ_MODEL, wallet.id, "Wallet " + wallet.id
                        + " has pending_minor " + row[1] + " in the read model; its pending purchases add up to "
                        + wallet.pending));
            }
        }
        stored.keySet().forEach(id -> violations.add(LedgerViolation.of(LedgerChecks.WALLET_READ_MODEL, id,
                "Wallet " + id + " is in the wallets read model but has no events")));
        return violations;
    }

    private boolean hasColumn(String table, String column) {
        Boolean exists = jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM information_schema.columns "
                + "WHERE table_schema = current_schema() AND table_name = ? AND column_name = ?)", Boolean.class,
                table, column);
        return Boolean.TRUE.equals(exists);
    }
}
