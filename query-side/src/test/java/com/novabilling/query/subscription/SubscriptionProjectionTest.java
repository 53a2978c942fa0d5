package com.novabilling.query.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.novabilling.api.error.NotFoundException;
import com.novabilling.api.money.CurrencyCode;
import com.novabilling.api.money.Money;
import com.novabilling.api.plan.BillingInterval;
import com.novabilling.api.subscription.BillingAnchor;
import com.novabilling.api.subscription.CancelTiming;
import com.novabilling.api.subscription.FindSubscriptionQuery;
import com.novabilling.api.subscription.PendingPlanChangeView;
import com.novabilling.api.subscription.PlanChangeKind;
import com.novabilling.api.subscription.PlanChangeTiming;
import com.novabilling.api.subscription.SubscriptionCancellationScheduledEvent;
import com.novabilling.api.subscription.SubscriptionCanceledEvent;
import com.novabilling.api.subscription.SubscriptionCreatedEvent;
import com.novabilling.api.subscription.SubscriptionMetadataUpdatedEvent;
import com.novabilling.api.subscription.SubscriptionPausedEvent;
import com.novabilling.api.subscription.SubscriptionPeriodClosedEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangeScheduledEvent;
import com.novabilling.api.subscription.SubscriptionPlanChangedEvent;
import com.novabilling.api.subscription.SubscriptionResumedEvent;
import com.novabilling.api.subscription.SubscriptionStatus;
import com.novabilling.api.subscription.SubscriptionTrialEndedEvent;
import com.novabilling.api.subscription.SubscriptionView;
import com.novabilling.query.customer.CustomerRepository;
import com.novabilling.query.plan.PlanRepository;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Each subscription event into the read model, redelivery, reset, the audit folder, on a map-backed repository. */
class SubscriptionProjectionTest {

    private static final String ID = "sub_0123456789abcdef01234567";
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant TRIAL_END = Instant.parse("2026-03-15T00:00:00Z");
    private static final Instant APRIL_15 = Instant.parse("2026-04-15T00:00:00Z");
    private static final Instant MAY_15 = Instant.parse("2026-05-15T00:00:00Z");
    private static final Money BASIC = Money.ofMinor(300_000, CurrencyCode.KES);
    private static final Money PRO = Money.ofMinor(600_000, CurrencyCode.KES);

    private static final SubscriptionCreatedEvent TRIALING = new SubscriptionCreatedEvent(ID, "cus_a", "pln_basic",
            BillingInterval.MONTHLY, CurrencyCode.KES, BASIC, SubscriptionStatus.TRIALING, BillingAnchor.ANNIVERSARY,
            "UTC", T0, T0, TRIAL_END, null, T0, TRIAL_END, Map.of("source", "web"));

    private final Map<String, SubscriptionEntity> rows = new LinkedHashMap<>();
    private final SubscriptionRepository repository = mock(SubscriptionRepository.class);
    private final SubscriptionProjection projection;
    private final SubscriptionStateFolder folder = new SubscriptionStateFolder();
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private ObjectNode folded = json.createObjectNode();

    SubscriptionProjectionTest() {
        when(repository.findById(any())).thenAnswer(call -> Optional.ofNullable(rows.get(call.<String>getArgument(0))));
        when(repository.save(any())).thenAnswer(call -> {
            SubscriptionEntity entity = call.getArgument(0);
            rows.put((String) ReflectionTestUtils.getField(entity, "id"), entity);
            return entity;
        });
        doAnswer(call -> {
            rows.clear();
            return null;
        }).when(repository).deleteAllInBatch();
        PlanRepository plans = mock(PlanRepository.class);
        CustomerRepository customers = mock(CustomerRepository.class);
        when(plans.findById(any())).thenReturn(Optional.empty());
        when(customers.findById(any())).thenReturn(Optional.empty());
        projection = new SubscriptionProjection(repository, new SubscriptionSummaries(plans, customers));
    }

    private SubscriptionView view() {
        return rows.get(ID).toView();
    }

    /** Applies the event to the projection and to the audit folder, which must agree on the fields they share. */
    private void apply(Object event, Instant at) {
        if (event instanceof SubscriptionCreatedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionTrialEndedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionPeriodClosedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionPausedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionResumedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionPlanChangedEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionPlanChangeScheduledEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionCancellationScheduledEvent e) {
            projection.on(e, at);
        } else if (event instanceof SubscriptionCanceledEvent e) {
            projection.on(e, at);
        } else {
            throw new IllegalArgumentException(event.toString());
        }
        folded = folder.evolve(folded, event.getClass().getSimpleName(), json.valueToTree(event));
        SubscriptionView view = view();
        assertThat(folded.get("status").asText()).isEqualTo(view.status().name());
        assertThat(folded.get("planId").asText()).isEqualTo(view.planId());
        assertThat(Instant.parse(folded.get("currentPeriodStart").asText())).isEqualTo(view.currentPeriodStart());
        assertThat(Instant.parse(folded.get("currentPeriodEnd").asText())).isEqualTo(view.currentPeriodEnd());
        assertThat(folded.get("cancelAtPeriodEnd").asBoolean()).isEqualTo(view.cancelAtPeriodEnd());
        assertThat(folded.path("pausedAt").isNull() || folded.path("pausedAt").isMissingNode())
                .isEqualTo(view.pausedAt() == null);
    }

    @Test
    void aTrialThenPeriodsPausesAChangeAndACancellation() {
        apply(TRIALING, T0);
        assertThat(view()).isEqualTo(new SubscriptionView(ID, SubscriptionStatus.TRIALING, "cus_a", "pln_basic",
                CurrencyCode.KES, T0, TRIAL_END, T0, TRIAL_END, null, false, null, null, null,
                Map.of("source", "web"), T0, T0, null, null));

        apply(new SubscriptionTrialEndedEvent(ID, T0, TRIAL_END, "pln_basic", BillingInterval.MONTHLY,
                CurrencyCode.KES, BASIC, TRIAL_END, TRIAL_END, APRIL_15), TRIAL_END);
        assertThat(view().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(view().currentPeriodEnd()).isEqualTo(APRIL_15);
        assertThat(view().trialEnd()).as("the trial stays on record").isEqualTo(TRIAL_END);

        apply(new SubscriptionPeriodClosedEvent(ID, TRIAL_END, APRIL_15, "pln_basic", BillingInterval.MONTHLY,
                CurrencyCode.KES, BASIC, TRIAL_END, 0, APRIL_15, MAY_15, "pln_basic", BillingInterval.MONTHLY,
                BASIC), APRIL_15);
        assertThat(view().currentPeriodStart()).isEqualTo(APRIL_15);
        assertThat(view().currentPeriodEnd()).isEqualTo(MAY_15);

        Instant pausedAt = APRIL_15.plusSeconds(3_600);
        apply(new SubscriptionPausedEvent(ID, pausedAt, APRIL_15, MAY_15), pausedAt);
        assertThat(view().status()).isEqualTo(SubscriptionStatus.PAUSED);
        assertThat(view().pausedAt()).isEqualTo(pausedAt);

        Instant resumedAt = pausedAt.plusSeconds(600);
        apply(new SubscriptionResumedEvent(ID, pausedAt, resumedAt, 600, APRIL_15, MAY_15.plusSeconds(600), 600,
                600), resumedAt);
        assertThat(view().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(view().pausedAt()).isNull();
        assertThat(view().currentPeriodEnd()).isEqualTo(MAY_15.plusSeconds(600));

        Instant scheduledAt = resumedAt.plusSeconds(60);
        apply(new SubscriptionPlanChangeScheduledEvent(ID, PlanChangeKind.DOWNGRADE, scheduledAt,
                MAY_15.plusSeconds(600), CurrencyCode.KES, "pln_basic", BASIC, "pln_mini", BillingInterval.MONTHLY,
                Money.ofMinor(100_000, CurrencyCode.KES)), scheduledAt);
        assertThat(view().pendingChange()).isEqualTo(new PendingPlanChangeView("pln_mini", PlanChangeKind.DOWNGRADE,
                MAY_15.plusSeconds(600)));

        Instant upgradedAt = scheduledAt.plusSeconds(60);
        apply(new SubscriptionPlanChangedEvent(ID, PlanChangeKind.UPGRADE, PlanChangeTiming.IMMEDIATE, false,
                upgradedAt, CurrencyCode.KES, "pln_basic", BillingInterval.MONTHLY, BASIC, "pln_pro",
                BillingInterval.MONTHLY, PRO, APRIL_15, MAY_15.plusSeconds(600), 2_592_000, 100, 2_591_900, true,
                TRIAL_END, 600, APRIL_15, MAY_15.plusSeconds(600), 600), upgradedAt);
        assertThat(view().planId()).isEqualTo("pln_pro");
        assertThat(view().pendingChange()).as("an immediate change drops the pending one").isNull();

        Instant cancelRequested = upgradedAt.plusSeconds(60);
        apply(new SubscriptionCancellationScheduledEvent(ID, cancelRequested, MAY_15.plusSeconds(600), null),
                cancelRequested);
        assertThat(view().cancelAtPeriodEnd()).isTrue();
        assertThat(view().cancelAt()).isEqualTo(MAY_15.plusSeconds(600));
        assertThat(view().status()).isEqualTo(SubscriptionStatus.ACTIVE);

        apply(new SubscriptionPeriodClosedEvent(ID, APRIL_15, MAY_15.plusSeconds(600), "pln_pro",
                BillingInterval.MONTHLY, CurrencyCode.KES, PRO, upgradedAt, 600, null, null, null, null, null),
                MAY_15.plusSeconds(600));
        apply(new SubscriptionCanceledEvent(ID, CancelTiming.PERIOD_END, SubscriptionStatus.ACTIVE,
                MAY_15.plusSeconds(600), "pln_pro", CurrencyCode.KES, PRO, APRIL_15, MAY_15.plusSeconds(600),
                2_592_000, 2_592_000, 0), MAY_15.plusSeconds(600));
        SubscriptionView canceled = view();
        assertThat(canceled.status()).isEqualTo(SubscriptionStatus.CANCELED);
        assertThat(canceled.canceledAt()).isEqualTo(MAY_15.plusSeconds(600));
        assertThat(canceled.currentPeriodEnd()).isEqualTo(MAY_15.plusSeconds(600));
        assertThat(canceled.createdAt()).isEqualTo(T0);
        assertThat(canceled.updatedAt()).isEqualTo(MAY_15.plusSeconds(600));

        projection.on(new SubscriptionMetadataUpdatedEvent(ID, Map.of("note", "gone")), MAY_15.plusSeconds(700));
        assertThat(view().metadata()).isEqualTo(Map.of("note", "gone"));
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        projection.on(TRIALING, T0);
        SubscriptionTrialEndedEvent trialEnded = new SubscriptionTrialEndedEvent(ID, T0, TRIAL_END, "pln_basic",
                BillingInterval.MONTHLY, CurrencyCode.KES, BASIC, TRIAL_END, TRIAL_END, APRIL_15);
        projection.on(trialEnded, TRIAL_END);
        SubscriptionView once = view();

        projection.on(TRIALING, T0);
        projection.on(trialEnded, TRIAL_END);

        assertThat(rows).hasSize(1);
        assertThat(view()).isEqualTo(once);
    }

    @Test
    void findEmbedsSummariesAndResetEmptiesTheTable() {
        projection.on(TRIALING, T0);

        SubscriptionView found = projection.handle(new FindSubscriptionQuery(ID));
        assertThat(found.plan().id()).isEqualTo("pln_basic");
        assertThat(found.plan().amount()).isEqualByComparingTo("3000");
        assertThat(found.customer()).as("the customer read model has no row").isNull();
        assertThatThrownBy(() -> projection.handle(new FindSubscriptionQuery("sub_missing")))
                .isInstanceOf(NotFoundException.class);

        projection.reset();
        assertThat(rows).isEmpty();
    }

    @Test
    void anEventForAnUnknownSubscriptionFailsLoudly() {
        assertThatThrownBy(() -> projection.on(new SubscriptionPausedEvent(ID, T0, T0, APRIL_15), T0))
                .isInstanceOf(IllegalStateException.class);
    }
}
