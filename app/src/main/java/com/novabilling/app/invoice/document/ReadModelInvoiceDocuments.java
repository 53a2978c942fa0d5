package com.novabilling.app.invoice.document;

import com.novabilling.api.customer.CustomerDetails;
import com.novabilling.api.customer.CustomerView;
import com.novabilling.api.customer.FindCustomerQuery;
import com.novabilling.api.error.Causes;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.invoice.FindInvoiceDocumentQuery;
import com.novabilling.api.invoice.InvoiceDocumentSource;
import com.novabilling.api.invoice.InvoiceView;
import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import com.novabilling.app.tenant.TenantSettings;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static com.novabilling.api.query.QueryResults.await;

/**
 * The invoice documents of the invoice read model: the invoice with its stored lines and totals
 * ({@link FindInvoiceDocumentQuery}), issued by the tenant (its company name, else its name; the SMTP sender
 * address, else its own; tenants have no postal address yet) to the customer of the customers read model (name,
 * e-mail, and the country as the one address line it has). Dates are days in the tenant's time zone. Asked from a
 * request, the queries first wait for the read models to show this node's writes (read-your-writes); asked from an
 * event handler, they read what the read models hold.
 */
@Component
public class ReadModelInvoiceDocuments implements InvoiceDocuments {

    private final QueryGateway queries;
    private final TenantAccounts tenants;

    public ReadModelInvoiceDocuments(QueryGateway queries, TenantAccounts tenants) {
        this.queries = queries;
        this.tenants = tenants;
    }

    @Override
    public Optional<InvoiceDocument> find(String tenantId, String invoiceId) {
        if (!TenantContext.current().equals(Optional.of(tenantId))) {
            throw new IllegalStateException("invoice documents of " + tenantId + " looked up with "
                    + TenantContext.current().orElse("no tenant") + " bound");
        }
        Optional<InvoiceDocumentSource> found = query(new FindInvoiceDocumentQuery(invoiceId), InvoiceDocumentSource.class);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        InvoiceDocumentSource source = found.get();
        InvoiceView invoice = source.invoice();
        TenantAccount tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
        ZoneId zone = zoneOf(tenant.settings());
        InvoiceDocument.Party customer = query(new FindCustomerQuery(invoice.customerId()), CustomerView.class)
                .map(view -> party(view.details()))
                .orElseGet(() -> new InvoiceDocument.Party(invoice.customerId(), null, List.of()));
        return Optional.of(new InvoiceDocument(invoice.id(), invoice.invoiceNumber(), invoice.status(),
                invoice.currency(), issuer(tenant), customer, day(invoice.issuedAt(), zone), day(invoice.dueDate(), zone),
                invoice.periodStart(), invoice.periodEnd(), zone, source.lines(), source.totals(), invoice.notes()));
    }

    private <V> Optional<V> query(Object query, Class<V> view) {
        try {
            return Optional.of(await(queries.query(query, view)));
        } catch (RuntimeException e) {
            if (Causes.contain(e, NotFoundException.class)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static InvoiceDocument.Party issuer(TenantAccount tenant) {
        String name = tenant.companyName() != null && !tenant.companyName().isBlank() ? tenant.companyName() : tenant.name();
        TenantSettings.Smtp smtp = tenant.settings() == null ? null : tenant.settings().smtp();
        String email = smtp != null && smtp.fromEmail() != null ? smtp.fromEmail() : tenant.email();
        return new InvoiceDocument.Party(name, email, List.of());
    }

    private static InvoiceDocument.Party party(CustomerDetails customer) {
        return new InvoiceDocument.Party(customer.name(), customer.email(), country(customer.country()));
    }

    /** The country's English name (Kenya for KE), or the code as given when it is not one. */
    static List<String> country(String code) {
        if (code == null || code.isBlank()) {
            return List.of();
        }
        String name = new Locale("", code.strip()).getDisplayCountry(Locale.ENGLISH);
        return List.of(name == null || name.isBlank() ? code.strip() : name);
    }

    private static ZoneId zoneOf(TenantSettings settings) {
        if (settings == null || settings.timezone() == null || settings.timezone().isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(settings.timezone());
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static LocalDate day(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toLocalDate();
    }
}
