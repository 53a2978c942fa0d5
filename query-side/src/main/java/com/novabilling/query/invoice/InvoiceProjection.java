package com.novabilling.query.invoice;

import com.novabilling.api.invoice.FindInvoiceDocumentQuery;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceDocumentSource;
import com.novabilling.api.invoice.InvoiceEmailAttemptView;
import com.novabilling.api.invoice.InvoiceEmailAttemptedEvent;
import com.novabilling.api.invoice.InvoiceCreatedEvent;
import com.novabilling.api.invoice.InvoiceWalletCreditsAppliedEvent;
import com.novabilling.api.invoice.InvoiceWalletPaymentView;
import com.novabilling.api.wallet.WalletTransactionCreatedEvent;
import com.novabilling.api.wallet.WalletTransactionType;
import com.novabilling.api.invoice.InvoiceCreditNoteAppliedEvent;
import com.novabilling.api.invoice.InvoiceDraftRevisedEvent;
import com.novabilling.api.invoice.InvoiceFinalizedEvent;
import com.novabilling.api.invoice.InvoicePaidEvent;
import com.novabilling.api.invoice.InvoicePaymentRecordedEvent;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.invoice.InvoiceVoidedEvent;
import com.novabilling.api.invoice.ListInvoicesQuery;
import com.novabilling.api.query.PageResult;
import com.novabilling.query.readmodel.ReadModelProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The {@code invoices} read model: its event handlers and its queries. Every handler sets fields from the event by
 * id, so a redelivered event changes nothing; lines and totals come from the events, nothing is computed here.
 */
@Component
@ProcessingGroup(InvoiceProjection.PROCESSING_GROUP)
public class InvoiceProjection extends ReadModelProjection<InvoiceEntity, InvoiceRepository> {

    public static final String PROCESSING_GROUP = "invoices";

    public InvoiceProjection(InvoiceRepository repository) {
        super("Invoice", repository, InvoiceEntity::new);
    }

    @EventHandler
    public void on(InvoiceCreatedEvent event, @Timestamp Instant at) {
        create(event.invoiceId(), at, invoice -> invoice.created(event.customerId(), event.subscriptionId(),
                event.currency(), event.periodStart(), event.periodEnd(), event.dueDate(), event.notes(),
                event.metadata(), event.lines(), event.totals(), event.finalizeAt()));
    }

    @EventHandler
    public void on(InvoiceDraftRevisedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.revised(event.lines(), event.totals()));
    }

    @EventHandler
    public void on(InvoiceWalletCreditsAppliedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.walletCreditsApplied(event.walletLines(), event.totals()));
    }

    /** A wallet's INVOICED transaction: which grants and purchases paid the invoice (§15). */
    @EventHandler
    public void on(WalletTransactionCreatedEvent event, @Timestamp Instant at) {
        if (event.type() != WalletTransactionType.INVOICED) {
            return;
        }
        update(event.invoiceId(), at, invoice -> invoice.walletPaid(new InvoiceWalletPaymentView(event.walletId(),
                event.transactionId(), event.amount().toMajor(), event.credits(),
                event.draws().stream().map(InvoiceWalletPaymentView.PaidFrom::of).toList())));
    }

    @EventHandler
    public void on(InvoiceFinalizedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.finalized(event.invoiceNumber(), event.sequenceNumber(),
                event.issuedAt(), event.dueDate(), event.totals()));
    }

    @EventHandler
    public void on(InvoicePaymentRecordedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.paymentRecorded(event.amountPaid(), event.amountDue()));
    }

    @EventHandler
    public void on(InvoiceCreditNoteAppliedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.creditNoteApplied(event.creditNotesAmount(),
                event.amountDue()));
    }

    @EventHandler
    public void on(InvoicePaidEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.paid(event.paidAt()));
    }

    @EventHandler
    public void on(InvoiceVoidedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.voided(event.voidedAt()));
    }

    @EventHandler
    public void on(InvoiceEmailAttemptedEvent event, @Timestamp Instant at) {
        update(event.invoiceId(), at, invoice -> invoice.emailAttempted(new InvoiceEmailAttemptView(event.at(),
                event.to(), event.outcome(), event.message())));
    }

    @QueryHandler
    public InvoiceDocumentSource handle(FindInvoiceDocumentQuery query) {
        InvoiceEntity invoice = find(query.invoiceId());
        return new InvoiceDocumentSource(invoice.toView(), invoice.lines(), invoice.totals());
    }

    @QueryHandler
    public InvoiceView handle(FindInvoiceQuery query) {
        return find(query.invoiceId()).toView();
    }

    @QueryHandler
    public PageResult<InvoiceView> handle(ListInvoicesQuery query) {
        Specification<InvoiceEntity> filter = (root, q, cb) -> cb.conjunction();
        if (query.status() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        if (query.customerId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("customerId"), query.customerId()));
        }
        if (query.subscriptionId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("subscriptionId"), query.subscriptionId()));
        }
        if (query.dateFrom() != null) {
            filter = filter.and((root, q, cb) -> cb.greaterThanOrEqualTo(root.get("invoiceDate"), query.dateFrom()));
        }
        if (query.dateTo() != null) {
            filter = filter.and((root, q, cb) -> cb.lessThan(root.get("invoiceDate"), query.dateTo()));
        }
        return pageResult(rows.findAll(filter, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                InvoiceEntity::toView, query.page(), query.limit());
    }
}
