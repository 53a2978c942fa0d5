package com.novabilling.app.ledger;

import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.error.ValidationException;
import com.novabilling.app.web.ApiError;
import com.novabilling.app.web.RequestIdFilter;
import com.novabilling.app.web.WebConfiguration;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

/** The caller's tenant's ledger, verified against itself. */
@RestController
@RequestMapping("/admin/ledger")
@Tag(name = ApiTags.ADMIN)
public class LedgerController {

    /** Seconds a client is told to wait when this node's queue of verification runs is full. */
    static final int QUEUE_FULL_RETRY_AFTER_SECONDS = 60;

    private final LedgerVerifier verifier;
    private final LedgerVerifications verifications;
    private final Clock clock;

    public LedgerController(LedgerVerifier verifier, LedgerVerifications verifications, Clock clock) {
        this.verifier = verifier;
        this.verifications = verifications;
        this.clock = clock;
    }

    @GetMapping("/verify")
    @Operation(operationId = "verifyLedger", summary = "Verify the ledger",
            description = "Checks the tenant's money against itself and answers every violation with the ids "
                    + "involved: each invoice's totals are the sums of its lines and amountDue = total − "
                    + "creditNotesAmount − walletAmount − amountPaid, in the read model and in the event store, and "
                    + "both agree; no credit note is consumed beyond its credit; invoice and credit-note numbers are "
                    + "gap-free up to the tenant's counters; every wallet balance is the sum of its settled "
                    + "transactions and never went negative; every USAGE line of a finalized invoice re-rates from "
                    + "the stored usage events to the same units, amount, event count and digest; every read-model "
                    + "projection rebuilt from the event store into a scratch schema (rolled back) gives the same "
                    + "rows (rebuild=false leaves this out). Runs in the "
                    + "request (seconds for thousands of invoices) and writes nothing; `ok` is true when nothing "
                    + "was found. Checks that did not run are listed in `skipped`. For a large tenant, "
                    + "POST /admin/ledger/verifications runs the same in the background with progress.")
    public LedgerReport verify(@Parameter(description = "false: leave out the projection rebuild check (the heaviest: "
                                       + "it replays the whole event store); default true")
                               @RequestParam(name = "rebuild", required = false) String rebuild) {
        return verifier.verify(rebuild(rebuild), LedgerProgress.NONE);
    }

    @PostMapping("/verifications")
    @Operation(operationId = "startLedgerVerification", summary = "Start a ledger verification in the background",
            description = "Runs the checks of GET /admin/ledger/verify in the background and answers at once with "
                    + "the run (RUNNING, its id, and a Location to poll with GET /admin/ledger/verifications/{id}). "
                    + "The run is kept in the tenant's database, so any node answers the poll. One run at a time "
                    + "per tenant: 409 naming the running run's id while one is RUNNING (a run whose progress was "
                    + "last written more than novabilling.ledger.verification.stale-after ago, 10 minutes by "
                    + "default — its node stopped — is marked FAILED and a new one starts).")
    @ApiResponse(responseCode = "202", description = "The run started", headers = @Header(name = "Location",
            description = "/api/admin/ledger/verifications/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "A verification is already RUNNING for the tenant; the message "
            + "names its id")
    @ApiResponse(responseCode = "503", description = "This node has too many verifications waiting; retry after "
            + "Retry-After seconds")
    public ResponseEntity<LedgerVerificationRun> startVerification(
            @Parameter(description = "false: leave out the projection rebuild check; default true")
            @RequestParam(name = "rebuild", required = false) String rebuild) {
        LedgerVerificationRun run = verifications.start(rebuild(rebuild));
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header(HttpHeaders.LOCATION, WebConfiguration.API_PREFIX + "/admin/ledger/verifications/" + run.id())
                .body(run);
    }

    @GetMapping("/verifications/{id}")
    @Operation(operationId = "getLedgerVerification", summary = "Get a ledger verification run",
            description = "The run's status (RUNNING, SUCCEEDED, FAILED) and progress: the step under way, steps "
                    + "done of total, and how far the current pass over the event store has read (position of the "
                    + "head). When SUCCEEDED, `report` is what GET /admin/ledger/verify answers; when FAILED, `error` "
                    + "says why. 404 for an unknown id, and for another tenant's run.")
    public LedgerVerificationRun verification(@PathVariable String id) {
        return verifications.find(id);
    }

    @ExceptionHandler(LedgerVerifications.QueueFullException.class)
    ResponseEntity<ApiError> queueFull(LedgerVerifications.QueueFullException e, HttpServletRequest request) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(QUEUE_FULL_RETRY_AFTER_SECONDS))
                .body(ApiError.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), List.of(), request.getRequestURI(),
                        RequestIdFilter.currentRequestId(request), clock.instant()));
    }

    static boolean rebuild(String value) {
        if (value == null) {
            return true;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ValidationException("rebuild", "must be true or false");
    }
}
