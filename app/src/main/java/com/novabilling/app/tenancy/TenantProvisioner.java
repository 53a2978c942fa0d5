package com.novabilling.app.tenancy;

import com.novabilling.app.database.PostgresServer;
import com.novabilling.app.security.Tokens;
import com.novabilling.app.tenant.TenantAccount;
import com.novabilling.app.tenant.TenantAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;

/**
 * Creates tenants all-or-nothing. The catalog row comes first, inactive ("provisioning"), so a taken email or slug
 * is refused before any database exists; then the database (a copy of the template), its pending migrations, its
 * pool, and the activation with the first credentials in one control transaction. A failure at any step undoes them
 * all. The tenant's Axon runtime is not started here: like an idle tenant's, it starts on the first request (about
 * 100 ms of building handler models that a registration need not wait for). A registration whose node died half-way leaves a row still provisioning: the sweep, at
 * start-up and every {@code stale-after}, drops the database and deletes the row of any older than that.
 */
@Component
public class TenantProvisioner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TenantProvisioner.class);
    private static final int SLUG_ATTEMPTS = 5;

    private final Clock clock;
    private final TenantAccounts tenants;
    private final PostgresServer server;
    private final TenantDatabaseTemplate template;
    private final TenantDatabaseMigrator migrator;
    private final TenantDataSources dataSources;
    private final TransactionTemplate controlTransactions;
    private final ObjectProvider<TenantProvisioningListener> listeners;
    private final ProvisioningProperties properties;
    private volatile boolean running;

    public TenantProvisioner(TenantAccounts tenants, PostgresServer server, TenantDatabaseTemplate template,
                             TenantDatabaseMigrator migrator, TenantDataSources dataSources,
                             @Qualifier("control") TransactionTemplate controlTransactions,
                             ObjectProvider<TenantProvisioningListener> listeners, ProvisioningProperties properties, Clock clock) {
        this.clock = clock;
        this.tenants = tenants;
        this.server = server;
        this.template = template;
        this.migrator = migrator;
        this.dataSources = dataSources;
        this.controlTransactions = controlTransactions;
        this.listeners = listeners;
        this.properties = properties;
    }

    public record Provisioned<T>(TenantAccount tenant, T activation) {
    }

    /**
     * @param draft      the tenant to create; its slug is taken as is when free, else with a random suffix
     * @param activation runs in the transaction that activates the tenant (its first API key and session)
     * @throws com.novabilling.api.error.ConflictException when the email is taken; nothing was created
     * @throws TenantProvisioningException when anything else failed; everything created was removed
     */
    public <T> Provisioned<T> provision(TenantAccount draft, Function<TenantAccount, T> activation) {
        StepTimes times = new StepTimes();
        TenantAccount tenant = reserve(draft);
        try {
            reached(ProvisioningStep.RESERVED, tenant);
            times.step("reserve");
            template.createDatabase(tenant.databaseName());
            reached(ProvisioningStep.DATABASE_CREATED, tenant);
            times.step("database");
            migrator.migrateIfBehind(server.unpooled(tenant.databaseName()));
            reached(ProvisioningStep.MIGRATED, tenant);
            times.step("migrations");
            dataSources.open(tenant.id(), tenant.databaseName());
            reached(ProvisioningStep.POOL_VERIFIED, tenant);
            times.step("pool");
            TenantAccount active = tenant.activated();
            T result = controlTransactions.execute(status -> {
                if (!tenants.activate(tenant.id())) {
                    throw new IllegalStateException("tenant " + tenant.id() + " is no longer provisioning (swept as abandoned?)");
                }
                return activation.apply(active);
            });
            reached(ProvisioningStep.ACTIVATED, active);
            times.step("activation");
            log.info("tenant {} provisioned in {}", tenant.id(), times);
            return new Provisioned<>(active, result);
        } catch (RuntimeException | Error e) {
            undo(tenant, e);
            log.error("registration of tenant {} failed and was undone", tenant.id(), e);
            if (e instanceof Error error) {
                throw error;
            }
            throw new TenantProvisioningException(tenant.id(), e);
        }
    }

    /** How long each step of a registration took, for its log line. */
    private static final class StepTimes {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder steps = new StringBuilder();

        void step(String name) {
            long now = System.nanoTime();
            steps.append(steps.isEmpty() ? "" : ", ").append(name).append(' ').append((now - last) / 1_000_000).append(" ms");
            last = now;
        }

        @Override
        public String toString() {
            return (last - start) / 1_000_000 + " ms (" + steps + ")";
        }
    }

    private TenantAccount reserve(TenantAccount draft) {
        TenantAccount tenant = draft;
        try {
            for (int attempt = 1; attempt <= SLUG_ATTEMPTS; attempt++) {
                if (tenants.reserve(tenant)) {
                    return tenant;
                }
                // the slug is taken, perhaps by a tenant of the same company name registering this very moment
                tenant = draft.withSlug(draft.slug() + "-" + Tokens.random(6).toLowerCase(Locale.ROOT));
            }
        } catch (DuplicateKeyException e) {
            throw TenantAccounts.emailConflict(draft.email()); // slugs are handled above; ids and database names are UUIDs
        } catch (RuntimeException e) {
            throw new TenantProvisioningException(draft.id(), e);
        }
        throw new TenantProvisioningException(draft.id(), new IllegalStateException("no free slug like " + draft.slug()));
    }

    private void reached(ProvisioningStep step, TenantAccount tenant) {
        listeners.orderedStream().forEach(listener -> listener.reached(step, tenant));
    }

    /** Every step of the clean-up is tried; what fails is added to the original failure. */
    private void undo(TenantAccount tenant, Throwable failure) {
        // Out of service first: a clean-up that stops half-way leaves a row still provisioning, which the sweep finishes.
        boolean outOfService = attempt(failure, () -> tenants.returnToProvisioning(tenant.id()));
        attempt(failure, () -> dataSources.close(tenant.id()));
        if (outOfService && attempt(failure, () -> server.dropDatabaseIfExists(tenant.databaseName()))) {
            attempt(failure, () -> tenants.deleteProvisioning(tenant.id()));
        }
    }

    private static boolean attempt(Throwable failure, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
            return false;
        }
    }

    /** Drops the database and deletes the row of every registration provisioning for longer than stale-after. */
    @Scheduled(initialDelayString = "${novabilling.provisioning.stale-after}", fixedDelayString = "${novabilling.provisioning.stale-after}")
    public void sweepAbandoned() {
        for (TenantAccount tenant : tenants.provisioningStartedBefore(clock.instant().minus(properties.staleAfter()))) {
            try {
                server.dropDatabaseIfExists(tenant.databaseName());
                tenants.deleteProvisioning(tenant.id());
                log.warn("swept tenant {}, abandoned while provisioning since {}", tenant.id(), tenant.createdAt());
            } catch (RuntimeException e) {
                log.warn("could not sweep tenant {} abandoned while provisioning: {}", tenant.id(), e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        sweepAbandoned();
        template.prepare();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return -1; // before TenantConnector (0), so before the web server accepts requests
    }
}
