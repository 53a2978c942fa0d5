package com.novabilling.app.invoice.document;

import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.InvoiceStatus;
import com.novabilling.app.mail.SmtpDeliveryException;
import com.novabilling.app.mail.TenantMailer;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import com.novabilling.app.tenant.TenantSettings;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * E-mails an invoice through the tenant's own SMTP settings: a short text and HTML message with the PDF attached
 * ({@code INV-000001.pdf}). Synchronous, so the caller learns the outcome: the attempt on success, an
 * {@link InvoiceEmailFailedException} carrying the failed attempt and the SMTP server's message otherwise.
 */
@Component
public class InvoiceMailer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final TenantAccounts tenants;
    private final TenantMailer mailer;
    private final InvoicePdf pdf;
    private final Clock clock;

    public InvoiceMailer(TenantAccounts tenants, TenantMailer mailer, InvoicePdf pdf, Clock clock) {
        this.tenants = tenants;
        this.mailer = mailer;
        this.pdf = pdf;
        this.clock = clock;
    }

    /**
     * Sends the invoice to {@code to}, or to the customer's e-mail when {@code to} is blank.
     *
     * @return the attempt, outcome {@code SENT}
     * @throws InvoiceEmailFailedException when the tenant's SMTP server could not be reached or refused the message
     * @throws ValidationException         naming {@code settings.smtp} when the tenant has not configured SMTP,
     *                                     {@code settings.smtp.host} when its host may not be reached, {@code to}
     *                                     when there is no recipient or it is not an e-mail address
     */
    public InvoiceEmailAttempt send(String tenantId, InvoiceDocument invoice, String to) {
        TenantAccount tenant = tenants.findById(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
        TenantSettings.Smtp smtp = tenant.settings() == null ? null : tenant.settings().smtp();
        if (smtp == null || smtp.host() == null || smtp.fromEmail() == null) {
            throw new ValidationException("settings.smtp",
                    "SMTP is not configured: set settings.smtp.host and settings.smtp.fromEmail first");
        }
        String recipient = recipient(invoice, to);
        TenantMailer.Attachment file = new TenantMailer.Attachment(invoice.fileName(), "application/pdf", pdf.render(invoice));
        Instant at = clock.instant();
        try {
            mailer.send(smtp, recipient, subject(invoice), text(invoice), html(invoice), List.of(file));
        } catch (SmtpDeliveryException e) {
            throw new InvoiceEmailFailedException(new InvoiceEmailAttempt(at, recipient,
                    InvoiceEmailAttempt.Outcome.FAILED, e.getMessage()));
        }
        return new InvoiceEmailAttempt(at, recipient, InvoiceEmailAttempt.Outcome.SENT, "Sent to " + recipient);
    }

    private static String recipient(InvoiceDocument invoice, String to) {
        if (to != null && !to.isBlank()) {
            return to.strip();
        }
        String email = invoice.customer().email();
        if (email == null || email.isBlank()) {
            throw new ValidationException("to", "is required: the customer has no e-mail address");
        }
        return email.strip();
    }

    static String subject(InvoiceDocument invoice) {
        String from = invoice.issuer().name();
        return switch (invoice.status()) {
            case DRAFT -> "Draft invoice from " + from;
            case VOIDED -> "Void: invoice " + invoice.displayNumber() + " from " + from;
            default -> "Invoice " + invoice.displayNumber() + " from " + from;
        };
    }

    private static List<String[]> facts(InvoiceDocument invoice) {
        List<String[]> facts = new ArrayList<>();
        facts.add(new String[] {"Invoice", invoice.displayNumber()});
        facts.add(new String[] {"Total", MoneyText.format(invoice.totals().total())});
        facts.add(new String[] {"Amount due", MoneyText.format(invoice.totals().amountDue())});
        if (invoice.dueDate() != null) {
            facts.add(new String[] {"Due date", DAY.format(invoice.dueDate())});
        }
        return facts;
    }

    static String text(InvoiceDocument invoice) {
        StringBuilder text = new StringBuilder();
        text.append(greeting(invoice)).append("\n\n");
        text.append("Please find attached ").append(invoice.status() == InvoiceStatus.DRAFT
                ? "a draft invoice" : "invoice " + invoice.displayNumber()).append(" from ")
                .append(invoice.issuer().name()).append(".\n\n");
        for (String[] fact : facts(invoice)) {
            text.append(fact[0]).append(": ").append(fact[1]).append('\n');
        }
        if (invoice.notes() != null && !invoice.notes().isBlank()) {
            text.append('\n').append(invoice.notes().strip()).append('\n');
        }
        text.append("\nThank you,\n").append(invoice.issuer().name()).append('\n');
        return text.toString();
    }

    static String html(InvoiceDocument invoice) {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html><html><body style=\"font-family:Helvetica,Arial,sans-serif;color:#111827;font-size:14px\">");
        html.append("<p>").append(escape(greeting(invoice))).append("</p>");
        html.append("<p>Please find attached ").append(invoice.status() == InvoiceStatus.DRAFT
                ? "a draft invoice" : "invoice <strong>" + escape(invoice.displayNumber()) + "</strong>")
                .append(" from ").append(escape(invoice.issuer().name())).append(".</p>");
        html.append("<table style=\"border-collapse:collapse\">");
        for (String[] fact : facts(invoice)) {
            html.append("<tr><td style=\"padding:4px 24px 4px 0;color:#6b7280\">").append(escape(fact[0]))
                    .append("</td><td style=\"padding:4px 0;font-weight:bold\">").append(escape(fact[1])).append("</td></tr>");
        }
        html.append("</table>");
        if (invoice.notes() != null && !invoice.notes().isBlank()) {
            html.append("<p style=\"white-space:pre-line\">").append(escape(invoice.notes().strip())).append("</p>");
        }
        html.append("<p>Thank you,<br>").append(escape(invoice.issuer().name())).append("</p></body></html>");
        return html.toString();
    }

    private static String greeting(InvoiceDocument invoice) {
        String name = invoice.customer().name();
        return name == null || name.isBlank() ? "Hello," : "Hello " + name.strip() + ",";
    }

    private static String escape(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(value);
    }
}
