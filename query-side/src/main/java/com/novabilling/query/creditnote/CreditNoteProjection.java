package com.novabilling.query.creditnote;

import com.novabilling.api.creditnote.CreditNoteConsumedEvent;
import com.novabilling.api.creditnote.CreditNoteCreatedEvent;
import com.novabilling.api.creditnote.CreditNoteDraftUpdatedEvent;
import com.novabilling.api.creditnote.CreditNoteFinalizedEvent;
import com.novabilling.api.creditnote.CreditNoteView;
import com.novabilling.api.creditnote.CreditNoteVoidedEvent;
import com.novabilling.api.creditnote.FindCreditNoteQuery;
import com.novabilling.api.creditnote.ListCreditNotesQuery;
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
 * The {@code credit_notes} read model: its event handlers and its queries. Every handler sets fields from the event
 * by id, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CreditNoteProjection.PROCESSING_GROUP)
public class CreditNoteProjection extends ReadModelProjection<CreditNoteEntity, CreditNoteRepository> {

    public static final String PROCESSING_GROUP = "credit-notes";

    public CreditNoteProjection(CreditNoteRepository repository) {
        super("Credit note", repository, CreditNoteEntity::new);
    }

    @EventHandler
    public void on(CreditNoteCreatedEvent event, @Timestamp Instant at) {
        create(event.creditNoteId(), at, note -> note.created(event.invoiceId(), event.customerId(), event.currency(),
                event.type(), event.reason(), event.description(), event.items(), event.amount()));
    }

    @EventHandler
    public void on(CreditNoteDraftUpdatedEvent event, @Timestamp Instant at) {
        update(event.creditNoteId(), at, note -> note.drafted(event.type(), event.reason(), event.description(),
                event.items(), event.amount()));
    }

    @EventHandler
    public void on(CreditNoteFinalizedEvent event, @Timestamp Instant at) {
        update(event.creditNoteId(), at, note -> note.finalized(event.creditNoteNumber(), event.sequenceNumber(),
                event.issuedAt(), event.amount(), event.creditAmount()));
    }

    @EventHandler
    public void on(CreditNoteConsumedEvent event, @Timestamp Instant at) {
        update(event.creditNoteId(), at, note -> note.consumed(event.remaining()));
    }

    @EventHandler
    public void on(CreditNoteVoidedEvent event, @Timestamp Instant at) {
        update(event.creditNoteId(), at, note -> note.voided(event.voidedAt()));
    }

    @QueryHandler
    public CreditNoteView handle(FindCreditNoteQuery query) {
        return find(query.creditNoteId()).toView();
    }

    @QueryHandler
    public PageResult<CreditNoteView> handle(ListCreditNotesQuery query) {
        Specification<CreditNoteEntity> filter = (root, q, cb) -> cb.conjunction();
        if (query.customerId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("customerId"), query.customerId()));
        }
        if (query.invoiceId() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("invoiceId"), query.invoiceId()));
        }
        if (query.status() != null) {
            filter = filter.and((root, q, cb) -> cb.equal(root.get("status"), query.status()));
        }
        return pageResult(rows.findAll(filter, pageable(query.page(), query.limit(), NEWEST_FIRST)),
                CreditNoteEntity::toView, query.page(), query.limit());
    }
}
