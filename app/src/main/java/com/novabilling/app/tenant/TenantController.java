package com.novabilling.app.tenant;

import com.novabilling.api.error.ConflictException;
import com.novabilling.api.error.FieldError;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.error.ValidationException;
import com.novabilling.api.invoice.BillingTerms;
import com.novabilling.api.lateusage.LateUsagePolicy;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.openapi.ApiTags;
import com.novabilling.app.mail.SmtpDeliveryException;
import com.novabilling.app.mail.SmtpHostPolicy;
import com.novabilling.app.mail.TenantMailer;
import com.novabilling.app.security.SecretBox;
import com.novabilling.app.tenancy.TenantContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/tenants/me")
@Tag(name = ApiTags.TENANTS)
public class TenantController {

    private final TenantAccounts tenants;
    private final ApiKeys apiKeys;
    private final TenantUsage usage;
    private final SecretBox secrets;
    private final TenantMailer mailer;
    private final SmtpHostPolicy smtpHosts;

    public TenantController(TenantAccounts tenants, ApiKeys apiKeys, TenantUsage usage, SecretBox secrets, TenantMailer mailer,
                            SmtpHostPolicy smtpHosts) {
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.usage = usage;
        this.secrets = secrets;
        this.mailer = mailer;
        this.smtpHosts = smtpHosts;
    }

    public record ApiKeyView(String id, String name, String prefix, String lastFour, Instant createdAt, Instant lastUsedAt) {
        static ApiKeyView of(ApiKeys.ApiKey k) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.lastFour(), k.createdAt(), k.lastUsedAt());
        }
    }

    public record CreatedApiKey(String id, String name, String key, String prefix, String lastFour, Instant createdAt) {
    }

    public record SmtpTestResult(boolean success, String message, String error) {
    }

    @GetMapping
    @Operation(operationId = "getCurrentTenant", summary = "Get the current tenant",
            description = "The profile and settings of the tenant the access token belongs to; SMTP passwords are "
                    + "never answered.")
    public TenantProfile me() {
        return TenantProfile.of(current());
    }

    @PatchMapping
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "updateCurrentTenant", summary = "Update the current tenant",
            description = "Only the fields given change: name, email, companyName and settings (default currency, "
                    + "IANA timezone, SMTP, the default billing terms: taxRate, taxName, netPaymentTerms, "
                    + "invoiceGracePeriodDays, which apply where a customer or plan sets none; "
                    + "emailInvoicesOnFinalization: e-mail each invoice to its customer, PDF attached, when it is "
                    + "finalized; default false; lateUsagePolicy: next_invoice or adjustment_invoice, where late usage "
                    + "of a finalized period is billed). 400 (field settings.smtp.host) when the SMTP host cannot be resolved or "
                    + "is internal and the operator has not allowed it.")
    @ApiResponse(responseCode = "409", description = "Another tenant has this email")
    public TenantProfile update(@Valid @RequestBody TenantRequests.UpdateTenant request) {
        TenantAccount tenant = current();
        String email = request.email() == null ? tenant.email() : request.email().trim();
        if (!email.equalsIgnoreCase(tenant.email()) && tenants.emailTaken(email, tenant.id())) {
            throw TenantAccounts.emailConflict(email);
        }
        TenantSettings settings = merge(tenant.settings(), request.settings());
        tenants.updateProfile(tenant.id(), request.name() == null ? tenant.name() : request.name().trim(), email,
                request.companyName() == null ? tenant.companyName() : request.companyName().trim(), settings);
        return TenantProfile.of(current());
    }

    @GetMapping("/usage")
    @Operation(operationId = "getTenantUsage", summary = "Get the tenant's usage",
            description = "Usage statistics of the tenant: resources, events, requests and API keys.")
    public Map<String, Object> usage() {
        return usage.report();
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createApiKey", summary = "Create an API key",
            description = "Generates an API key (sk_live_…), optionally named; the key itself is answered only in "
                    + "this response.")
    public CreatedApiKey createKey(@Valid @RequestBody(required = false) TenantRequests.CreateApiKey request) {
        ApiKeys.CreatedKey created = apiKeys.create(TenantContext.require(), request == null ? null : request.name());
        ApiKeys.ApiKey k = created.key();
        return new CreatedApiKey(k.id(), k.name(), created.secret(), k.prefix(), k.lastFour(), k.createdAt());
    }

    @GetMapping("/api-keys")
    @Operation(operationId = "listApiKeys", summary = "List API keys",
            description = "The active API keys, each with its prefix and last four characters only.")
    public Map<String, List<ApiKeyView>> listKeys() {
        return Map.of("data", apiKeys.listActive(TenantContext.require()).stream().map(ApiKeyView::of).toList());
    }

    @DeleteMapping("/api-keys/{id}")
    @ResponseStatus(HttpStatus.OK)
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key",
            description = "Effective on the next request made with the key.")
    @ApiResponse(responseCode = "409", description = "The API key is already revoked")
    public Map<String, Object> revokeKey(@PathVariable String id) {
        String tenantId = TenantContext.require();
        ApiKeys.ApiKey key = apiKeys.find(tenantId, id).orElseThrow(() -> new NotFoundException("API key", id));
        if (key.revokedAt() != null || !apiKeys.revoke(tenantId, id)) {
            throw new ConflictException("API key '" + id + "' is already revoked");
        }
        return Map.of("id", id, "revoked", true);
    }

    @PostMapping("/smtp/test")
    @Operation(operationId = "testSmtpSettings", summary = "Test the SMTP settings",
            description = "Sends a test e-mail through the tenant's SMTP settings, to the given address or the "
                    + "tenant's own; a failure to deliver is answered with 200, success false and the SMTP server's "
                    + "reply or why no connection was made. 400 when SMTP is not configured, or (field "
                    + "settings.smtp.host) when the host is loopback, private, link-local or otherwise internal and "
                    + "the operator has not allowed it.")
    public SmtpTestResult testSmtp(@Valid @RequestBody(required = false) TenantRequests.SmtpTest request) {
        TenantAccount tenant = current();
        TenantSettings.Smtp smtp = tenant.settings().smtp();
        if (smtp == null || smtp.host() == null || smtp.fromEmail() == null) {
            throw new ValidationException("settings.smtp", "SMTP is not configured: set settings.smtp.host and settings.smtp.fromEmail first");
        }
        String to = request == null || request.to() == null ? tenant.email() : request.to();
        try {
            mailer.send(smtp, to, "NovaBilling SMTP test", "This is a test e-mail from NovaBilling for " + tenant.name() + ".");
            return new SmtpTestResult(true, "Test e-mail sent to " + to, null);
        } catch (SmtpDeliveryException e) {
            return new SmtpTestResult(false, "SMTP test failed", e.getMessage());
        }
    }

    private TenantAccount current() {
        String id = TenantContext.require();
        return tenants.findById(id).orElseThrow(() -> new NotFoundException("Tenant", id));
    }

    private TenantSettings merge(TenantSettings current, TenantRequests.Settings patch) {
        if (patch == null) {
            return current;
        }
        List<FieldError> errors = new ArrayList<>();
        String currency = current.defaultCurrency();
        if (patch.defaultCurrency() != null) {
            currency = CurrencyCode.parse(patch.defaultCurrency()).map(Enum::name).orElse(null);
            if (currency == null) {
                errors.add(new FieldError("settings.defaultCurrency", "must be one of " + CurrencyCode.codes()));
            }
        }
        String timezone = current.timezone();
        if (patch.timezone() != null) {
            try {
                timezone = ZoneId.of(patch.timezone()).getId();
            } catch (DateTimeException e) {
                errors.add(new FieldError("settings.timezone", "must be an IANA time zone such as Africa/Nairobi"));
            }
        }
        LateUsagePolicy lateUsagePolicy = current.lateUsagePolicy();
        if (patch.lateUsagePolicy() != null) {
            lateUsagePolicy = LateUsagePolicy.parse(patch.lateUsagePolicy()).orElse(null);
            if (lateUsagePolicy == null) {
                errors.add(new FieldError("settings.lateUsagePolicy", "must be one of "
                        + LateUsagePolicy.valuesText()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        TenantSettings.Smtp smtp = current.smtp();
        TenantRequests.Smtp p = patch.smtp();
        if (p != null && p.host() != null) {
            checkSmtpHost(p.host());
        }
        if (p != null) {
            TenantSettings.Smtp base = smtp == null ? new TenantSettings.Smtp(null, null, null, null, null, null, null) : smtp;
            smtp = new TenantSettings.Smtp(
                    p.host() != null ? p.host().trim() : base.host(),
                    p.port() != null ? p.port() : base.port(),
                    p.username() != null ? p.username() : base.username(),
                    p.password() != null ? secrets.encrypt(p.password()) : base.passwordEncrypted(),
                    p.fromEmail() != null ? p.fromEmail() : base.fromEmail(),
                    p.fromName() != null ? p.fromName() : base.fromName(),
                    p.secure() != null ? p.secure() : base.secure());
        }
        return new TenantSettings(currency, timezone, smtp,
                patch.taxRate() != null ? BillingTerms.canonicalRate(patch.taxRate()) : current.taxRate(),
                patch.taxName() != null ? patch.taxName().trim() : current.taxName(),
                patch.netPaymentTerms() != null ? patch.netPaymentTerms() : current.netPaymentTerms(),
                patch.invoiceGracePeriodDays() != null ? patch.invoiceGracePeriodDays()
                        : current.invoiceGracePeriodDays(),
                patch.emailInvoicesOnFinalization() != null
                        ? patch.emailInvoicesOnFinalization() : current.emailInvoicesOnFinalization(),
                lateUsagePolicy);
    }

    private void checkSmtpHost(String host) {
        try {
            smtpHosts.addressFor(host);
        } catch (SmtpHostPolicy.UnresolvableHostException e) {
            throw new ValidationException(SmtpHostPolicy.FIELD, "could not be resolved: " + host.trim() + " is not a known host name");
        }
    }
}
