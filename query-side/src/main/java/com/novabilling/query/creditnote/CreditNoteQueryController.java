package com.novabilling.query.creditnote;

import com.novabilling.api.creditnote.CreditNoteStatus;
import com.novabilling.api.creditnote.CreditNoteView;
import com.novabilling.api.creditnote.FindCreditNoteQuery;
import com.novabilling.api.creditnote.ListCreditNotesQuery;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.api.query.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
@Tag(name = ApiTags.CREDIT_NOTES)
public class CreditNoteQueryController {

    private final QueryGateway queryGateway;

    public CreditNoteQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/credit-notes")
    @Operation(operationId = "listCreditNotes", summary = "List credit notes",
            description = "Paginated ({data, meta}), newest first; the filters combine.")
    public PageResult<CreditNoteView> list(@RequestParam(required = false) String page,
                                           @RequestParam(required = false) String limit,
                                           @RequestParam(required = false) String customerId,
                                           @RequestParam(required = false) String invoiceId,
                                           @Parameter(description = "DRAFT, FINALIZED or VOIDED, any letter case")
                                           @RequestParam(required = false) String status) {
        ListCreditNotesQuery query = new ListCreditNotesQuery(page(page), limit(limit),
                idFilter(customerId, "customerId"), idFilter(invoiceId, "invoiceId"),
                enumFilter(CreditNoteStatus.class, status, "status"));
        return await(queryGateway.query(query, pageOf(CreditNoteView.class)));
    }

    @GetMapping("/credit-notes/{creditNoteId}")
    @Operation(operationId = "getCreditNote", summary = "Get a credit note",
            description = "The credit note by its id, with its items and, for a CREDIT note, the credit left.")
    public CreditNoteView get(@PathVariable String creditNoteId) {
        return await(queryGateway.query(new FindCreditNoteQuery(creditNoteId), CreditNoteView.class));
    }
}
