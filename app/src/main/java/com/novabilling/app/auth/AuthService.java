package com.novabilling.app.auth;

import com.novabilling.api.error.ValidationException;
import com.novabilling.app.mail.SystemMailer;
import com.novabilling.app.security.JwtService;
import com.novabilling.app.tenancy.TenantConnector;
import com.novabilling.app.tenancy.TenantProvisioner;
import com.novabilling.app.tenant.ApiKeys;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import com.novabilling.app.tenant.TenantSettings;
import com.novabilling.app.tenant.TenantView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.text.Normalizer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@Service
public class AuthService {

    private static final Logger log = LoggerFactory.getLogger(AuthService.class);

    private final Clock clock;
    private final TenantAccounts tenants;
    private final ApiKeys apiKeys;
    private final RefreshTokens refreshTokens;
    private final PasswordResetTokens resetTokens;
    private final TenantProvisioner provisioner;
    private final JwtService jwt;
    private final SystemMailer mailer;
    private final TransactionTemplate controlTransactions;
    private final PasswordHashing passwords;

    public AuthService(TenantAccounts tenants, ApiKeys apiKeys, RefreshTokens refreshTokens, PasswordResetTokens resetTokens,
                       TenantProvisioner provisioner, PasswordHashing passwords, JwtService jwt, SystemMailer mailer,
                       @Qualifier("control") TransactionTemplate controlTransactions, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.apiKeys = apiKeys;
        this.refreshTokens = refreshTokens;
        this.resetTokens = resetTokens;
        this.provisioner = provisioner;
        this.passwords = passwords;
        this.jwt = jwt;
        this.mailer = mailer;
        this.controlTransactions = controlTransactions;
    }

    /** Registration is all-or-nothing: see {@link TenantProvisioner}. */
    public AuthResponses.Registered register(AuthRequests.Register request) {
        String email = request.email().trim();
        if (tenants.emailTaken(email, null)) {
            throw TenantAccounts.emailConflict(email);
        }
        String tenantId = UUID.randomUUID().toString();
        String companyName = blankToNull(request.companyName());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        // hashed while the database is created; the row keeps an unusable hash until its activation
        CompletableFuture<String> passwordHash = passwords.encodeAsync(request.password());
        TenantAccount draft = new TenantAccount(tenantId, request.name().trim(), email, TenantAccount.NO_PASSWORD_YET,
                slug(companyName != null ? companyName : request.name()), companyName, TenantConnector.databaseNameFor(tenantId),
                false, TenantSettings.defaults(), null, 0, now, now);
        record Session(ApiKeys.CreatedKey key, String refreshToken) {
        }
        var provisioned = provisioner.provision(draft,
                tenant -> {
                    tenants.setInitialPasswordHash(tenant.id(), passwordHash.join());
                    return new Session(apiKeys.create(tenant.id(), "Default key"), refreshTokens.issue(tenant.id()));
                });
        TenantAccount tenant = provisioned.tenant();
        log.info("tenant {} registered with database {}", tenantId, tenant.databaseName());
        return new AuthResponses.Registered(TenantView.of(tenant), provisioned.activation().key().secret(),
                jwt.issueAccessToken(tenantId, 0), provisioned.activation().refreshToken(), "Bearer", jwt.accessTokenTtlSeconds());
    }

    public AuthResponses.LoggedIn login(AuthRequests.Login request) {
        Optional<TenantAccount> found = tenants.findByEmail(request.email().trim());
        // bcrypt reads only the first 72 bytes: a longer password is never the one that was set, whatever its start
        boolean matches = passwords.matches(request.password(), found.map(TenantAccount::passwordHash).orElse(null))
                && FitsBcrypt.Validator.fits(request.password());
        if (found.isEmpty() || !matches || !found.get().active()) {
            throw new AuthenticationFailedException("Invalid email or password");
        }
        TenantAccount tenant = found.get();
        return new AuthResponses.LoggedIn(TenantView.of(tenant), jwt.issueAccessToken(tenant.id(), tenant.sessionVersion()),
                refreshTokens.issue(tenant.id()), "Bearer", jwt.accessTokenTtlSeconds());
    }

    public AuthResponses.LoggedIn refresh(AuthRequests.Refresh request) {
        RefreshTokens.Rotation rotation = refreshTokens.rotate(request.refreshToken());
        if (rotation instanceof RefreshTokens.Rotation.Rejected rejected) {
            throw new AuthenticationFailedException(rejected.reason());
        }
        RefreshTokens.Rotation.Rotated rotated = (RefreshTokens.Rotation.Rotated) rotation;
        TenantAccount tenant = tenants.findById(rotated.tenantId()).orElseThrow(() -> new AuthenticationFailedException("Invalid refresh token"));
        return new AuthResponses.LoggedIn(TenantView.of(tenant), jwt.issueAccessToken(tenant.id(), tenant.sessionVersion()),
                rotated.refreshToken(), "Bearer", jwt.accessTokenTtlSeconds());
    }

    /** Always the same answer, whether or not the email is known, so the endpoint reveals no accounts. */
    public AuthResponses.Message forgotPassword(AuthRequests.ForgotPassword request) {
        tenants.findByEmail(request.email().trim()).filter(TenantAccount::active).ifPresent(tenant -> {
            String token = resetTokens.issue(tenant.id());
            mailer.sendPasswordReset(tenant.email(), tenant.name(), token);
        });
        return new AuthResponses.Message("If an account exists for that email, a password reset link has been sent");
    }

    public AuthResponses.Message resetPassword(AuthRequests.ResetPassword request) {
        String tenantId = resetTokens.consume(request.token())
                .orElseThrow(() -> new ValidationException("token", "is invalid, expired or already used"));
        controlTransactions.executeWithoutResult(status -> {
            tenants.resetPassword(tenantId, passwords.encode(request.password()));
            refreshTokens.revokeAll(tenantId);
        });
        return new AuthResponses.Message("Password has been reset; please log in again");
    }

    /** The slug the tenant gets when it is free; the provisioner adds a random suffix when it is not. */
    private static String slug(String source) {
        String base = Normalizer.normalize(source, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (base.isEmpty()) {
            base = "tenant";
        }
        return base.length() > 60 ? base.substring(0, 60) : base;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
