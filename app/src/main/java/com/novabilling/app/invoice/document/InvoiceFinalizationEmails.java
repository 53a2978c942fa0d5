package com.novabilling.app.invoice.document;

import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.FindInvoiceDocumentQuery;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.app.axon.TenantRuntimeRegistry;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * E-mails each invoice to its customer when it is finalized, for tenants that enable it
 * ({@code settings.emailInvoicesOnFinalization}). A processing group of its own with side effects, not a read model:
 * it never replays, and no query waits for it. The attempt is recorded on the invoice whatever its outcome — a
 * refusal by the SMTP server, missing SMTP settings, a customer without an e-mail address — and never retried; the
 * tenant resends with {@code POST /invoices/{id}/send-email}. Only recording the attempt can fail the event (the
 * processor then tries again, which may send the e-mail twice).
 * <p>
 * The PDF is rendered from the invoices read model, so the handler first waits (at most {@link #READ_MODEL_WAIT})
 * for that projection to have handled the finalization. Finalizations older than {@link #MAX_AGE} are history read
 * by a processor catching up (a tenant whose processor starts after invoices were finalized), and are not sent.
 */
@Component
@ProcessingGroup(InvoiceFinalizationEmails.PROCESSING_GROUP)
@DisallowReplay
public class InvoiceFinalizationEmails {

    public static final String PROCESSING_GROUP = "invoice-emails";
    static final Duration READ_MODEL_WAIT = Duration.ofSeconds(10);
    static final Duration MAX_AGE = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(InvoiceFinalizationEmails.class);

    private final TenantAccounts tenants;
    private final TenantRuntimeRegistry runtimes;
    private final InvoiceDocuments documents;
    private final InvoiceMailer mailer;
    private final InvoiceEmails emails;
    private final Clock clock;

    public InvoiceFinalizationEmails(TenantAccounts tenants, TenantRuntimeRegistry runtimes, InvoiceDocuments documents,
                                     InvoiceMailer mailer, InvoiceEmails emails, Clock clock) {
        this.tenants = tenants;
        this.runtimes = runtimes;
        this.documents = documents;
        this.mailer = mailer;
        this.emails = emails;
        this.clock = clock;
    }

    @EventHandler
    public void on(InvoiceFinalizedEvent event, @Timestamp Instant finalizedAt, TrackingToken token) {
        String tenantId = TenantContext.require();
        boolean enabled = tenants.findById(tenantId).map(TenantAccount::settings)
                .map(settings -> settings.emailsInvoicesOnFinalization()).orElse(false);
        if (!enabled) {
            return;
        }
        Instant now = clock.instant();
        if (finalizedAt.isBefore(now.minus(MAX_AGE))) {
            log.info("Tenant {}: invoice {} was finalized at {}, too long ago to e-mail it now", tenantId,
                    event.invoiceId(), finalizedAt);
            return;
        }
        long position = token == null ? -1 : token.position().orElse(-1);
        if (position >= 0) {
            runtimes.current().awaitReadModelsAt(FindInvoiceDocumentQuery.class, position, READ_MODEL_WAIT);
        }
        Optional<InvoiceDocument> invoice = documents.find(tenantId, event.invoiceId())
                .filter(document -> document.status() != InvoiceStatus.DRAFT
                        && event.invoiceNumber().equals(document.invoiceNumber()));
        InvoiceEmailAttempt attempt;
        if (invoice.isEmpty()) {
            attempt = failed(now, null, "The invoice could not be read to render it; send it with "
                    + "POST /invoices/" + event.invoiceId() + "/send-email");
        } else {
            attempt = send(tenantId, invoice.get(), now);
        }
        if (attempt.outcome() == InvoiceEmailAttempt.Outcome.FAILED) {
            log.warn("Tenant {}: invoice {} was not e-mailed at finalization: {}", tenantId, event.invoiceId(),
                    attempt.message());
        }
        emails.record(event.invoiceId(), attempt);
    }

    private InvoiceEmailAttempt send(String tenantId, InvoiceDocument invoice, Instant now) {
        try {
            return mailer.send(tenantId, invoice, null);
        } catch (InvoiceEmailFailedException e) {
            return e.attempt();
        } catch (ValidationException e) { // no SMTP settings, host not allowed, customer without a valid address
            return failed(now, invoice.customer().email(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Tenant {}: e-mailing invoice {} failed", tenantId, invoice.invoiceId(), e);
            return failed(now, invoice.customer().email(), "The invoice e-mail could not be prepared");
        }
    }

    private static InvoiceEmailAttempt failed(Instant at, String to, String message) {
        return new InvoiceEmailAttempt(at, to == null || to.isBlank() ? null : to.strip(),
                InvoiceEmailAttempt.Outcome.FAILED, message);
    }
}
