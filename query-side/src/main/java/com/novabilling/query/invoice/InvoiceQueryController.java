package com.novabilling.query.invoice;

import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.FindInvoiceQuery;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.api.invoice.ListInvoicesQuery;
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

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static com.novabilling.api.query.PageParameters.enumFilter;
import static com.novabilling.api.query.PageParameters.idFilter;
import static com.novabilling.api.query.PageParameters.isAbsent;
import static com.novabilling.api.query.PageParameters.limit;
import static com.novabilling.api.query.PageParameters.page;
import static com.novabilling.api.query.PageResultResponseType.pageOf;
import static com.novabilling.api.query.QueryResults.await;

@RestController
public class InvoiceQueryController {

    private static final String DATE_RULE = "an ISO-8601 date (2026-03-01, UTC) or date-time with offset "
            + "(2026-03-01T00:00:00Z)";

    private final QueryGateway queryGateway;

    public InvoiceQueryController(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    @GetMapping("/invoices")
    @Tag(name = ApiTags.INVOICES)
    @Operation(operationId = "listInvoices", summary = "List invoices",
            description = "Paginated ({data, meta}), newest first; the filters combine. dateFrom (inclusive) and "
                    + "dateTo (exclusive; a date alone includes that whole day) bound the invoice's date: its issue "
                    + "date once finalized, else its creation.")
    public PageResult<InvoiceView> list(@RequestParam(required = false) String page,
                                        @RequestParam(required = false) String limit,
                                        @Parameter(description = "DRAFT, FINALIZED, PAID or VOIDED, any letter case")
                                        @RequestParam(required = false) String status,
                                        @RequestParam(required = false) String customerId,
                                        @RequestParam(required = false) String subscriptionId,
                                        @Parameter(description = "ISO-8601 date or date-time with offset")
                                        @RequestParam(required = false) String dateFrom,
                                        @Parameter(description = "ISO-8601 date or date-time with offset")
                                        @RequestParam(required = false) String dateTo) {
        Instant from = date(dateFrom, "dateFrom", false);
        Instant to = date(dateTo, "dateTo", true);
        if (from != null && to != null && to.isBefore(from)) {
            throw new ValidationException("dateTo", "must not be before dateFrom");
        }
        ListInvoicesQuery query = new ListInvoicesQuery(page(page), limit(limit),
                enumFilter(InvoiceStatus.class, status, "status"), idFilter(customerId, "customerId"),
                idFilter(subscriptionId, "subscriptionId"), from, to);
        return await(queryGateway.query(query, pageOf(InvoiceView.class)));
    }

    @GetMapping("/invoices/{invoiceId}")
    @Tag(name = ApiTags.INVOICES)
    @Operation(operationId = "getInvoice", summary = "Get an invoice",
            description = "The invoice by its id, with its lines and totals.")
    public InvoiceView get(@PathVariable String invoiceId) {
        return await(queryGateway.query(new FindInvoiceQuery(invoiceId), InvoiceView.class));
    }

    @GetMapping("/customers/{customerId}/invoices")
    @Tag(name = ApiTags.CUSTOMERS)
    @Operation(operationId = "listInvoicesOfCustomer", summary = "List a customer's invoices",
            description = "Paginated ({data, meta}), newest first, voided ones included; 404 when the customer "
                    + "does not exist.")
    public PageResult<InvoiceView> listOfCustomer(@PathVariable String customerId,
                                                  @RequestParam(required = false) String page,
                                                  @RequestParam(required = false) String limit,
                                                  @Parameter(description = "DRAFT, FINALIZED, PAID or VOIDED, any "
                                                          + "letter case")
                                                  @RequestParam(required = false) String status) {
        ListInvoicesQuery query = new ListInvoicesQuery(page(page), limit(limit),
                enumFilter(InvoiceStatus.class, status, "status"), customerId, null, null, null);
        await(queryGateway.query(new FindCustomerQuery(customerId), CustomerView.class));
        return await(queryGateway.query(query, pageOf(InvoiceView.class)));
    }

    /** A date means its start in UTC; as an upper bound, the start of the next day (the whole day included). */
    private static Instant date(String value, String name, boolean upperBound) {
        if (isAbsent(value)) {
            return null;
        }
        String text = value.trim();
        try {
            Instant instant;
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = (upperBound ? day.plusDays(1) : day).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = OffsetDateTime.parse(text).toInstant();
            }
            if (instant.isBefore(Instant.EPOCH) || instant.isAfter(Instant.parse("9999-12-31T23:59:59Z"))) {
                throw new ValidationException(name, "must be between the years 1970 and 9999");
            }
            return instant;
        } catch (DateTimeException e) {
            throw new ValidationException(name, "must be " + DATE_RULE);
        }
    }
}
