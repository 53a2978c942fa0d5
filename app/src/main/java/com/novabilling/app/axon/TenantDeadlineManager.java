package com.novabilling.app.axon;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.command.schedule.DueWorkCalendar;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.ScopeAware;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The tenant's Axon deadlines, durable: scheduled into its {@code deadline_entry} table in the scheduling unit of
 * work's transaction, then noted on the node-wide due-work calendar, so the scheduler that runs subscriptions
 * ({@code DueWorkPoller}) also delivers deadlines — on one node, after restarts, without polling the tenant. A
 * deadline is delivered to its scope (a saga or an aggregate) in a transaction that deletes its row, so it runs once;
 * one whose handler fails is tried again a minute later.
 */
final class TenantDeadlineManager extends AbstractDeadlineManager {

    private static final Logger log = LoggerFactory.getLogger(TenantDeadlineManager.class);
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofMinutes(1);
    private static final int PAGE = 100;

    private record StoredDeadline(String id, String name, Instant triggerAt, String scopeType, byte[] scope,
                                  String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    private final String tenantId;
    private final JdbcTemplate jdbc;
    private final TransactionManager transactionManager;
    private final Serializer serializer;
    private final Supplier<ScopeAwareProvider> scopes;
    private final DueWorkCalendar calendar;

    TenantDeadlineManager(String tenantId, JdbcTemplate jdbc, TransactionManager transactionManager,
                          Serializer serializer, Supplier<ScopeAwareProvider> scopes, DueWorkCalendar calendar) {
        this.tenantId = tenantId;
        this.jdbc = jdbc;
        this.transactionManager = transactionManager;
        this.serializer = serializer;
        this.scopes = scopes;
        this.calendar = calendar;
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        String deadlineId = IdentifierFactory.getInstance().generateIdentifier();
        DeadlineMessage<Object> message = GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload,
                triggerDateTime);
        runOnPrepareCommitOrNow(() -> {
            DeadlineMessage<Object> intercepted = processDispatchInterceptors(message);
            SerializedObject<byte[]> payload = intercepted.serializePayload(serializer, byte[].class);
            SerializedObject<byte[]> metaData = intercepted.serializeMetaData(serializer, byte[].class);
            SerializedObject<byte[]> scope = serializer.serialize(deadlineScope, byte[].class);
            transactionManager.executeInTransaction(() -> jdbc.update("""
                    INSERT INTO deadline_entry (deadline_id, deadline_name, trigger_at, scope_type, scope, payload_type,
                        payload_revision, payload, meta_data)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, deadlineId, deadlineName, Timestamp.from(triggerDateTime), scope.getType().getName(),
                    scope.getData(), payload.getType().getName(), payload.getType().getRevision(), payload.getData(),
                    metaData.getData()));
            afterCommit(() -> noteDueAt(triggerDateTime));
        });
        return deadlineId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        runOnPrepareCommitOrNow(() -> transactionManager.executeInTransaction(() -> jdbc.update(
                "DELETE FROM deadline_entry WHERE deadline_name = ? AND deadline_id = ?", deadlineName, scheduleId)));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> transactionManager.executeInTransaction(() -> jdbc.update(
                "DELETE FROM deadline_entry WHERE deadline_name = ?", deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        byte[] serialized = serializer.serialize(scope, byte[].class).getData();
        runOnPrepareCommitOrNow(() -> transactionManager.executeInTransaction(() -> jdbc.update(
                "DELETE FROM deadline_entry WHERE deadline_name = ? AND scope = ?", deadlineName, serialized)));
    }

    /** Delivers every deadline due at {@code now}, earliest first; the next instant one falls due, if any. */
    Optional<Instant> runDue(Instant now) {
        while (true) {
            List<String> due = jdbc.queryForList("""
                    SELECT deadline_id FROM deadline_entry WHERE trigger_at <= ? ORDER BY trigger_at, deadline_id LIMIT ?
                    """, String.class, Timestamp.from(now), PAGE);
            int delivered = 0;
            for (String deadlineId : due) {
                if (deliver(deadlineId, now)) {
                    delivered++;
                }
            }
            if (due.size() < PAGE || delivered == 0) {
                break;
            }
        }
        Timestamp next = jdbc.queryForObject("SELECT min(trigger_at) FROM deadline_entry", Timestamp.class);
        return Optional.ofNullable(next).map(Timestamp::toInstant);
    }

    /** Delivers one deadline in a transaction that deletes it; false when another run holds it or it failed. */
    private boolean deliver(String deadlineId, Instant now) {
        Transaction transaction = transactionManager.startTransaction();
        ResultMessage<?> result;
        StoredDeadline stored;
        try {
            List<StoredDeadline> locked = jdbc.query("""
                    SELECT deadline_id, deadline_name, trigger_at, scope_type, scope, payload_type, payload_revision,
                           payload, meta_data
                    FROM deadline_entry WHERE deadline_id = ? AND trigger_at <= ? FOR UPDATE SKIP LOCKED
                    """, (rs, i) -> new StoredDeadline(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getString(4), rs.getBytes(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9)),
                    deadlineId, Timestamp.from(now));
            if (locked.isEmpty()) {
                transaction.rollback();
                return false;
            }
            stored = locked.get(0);
            jdbc.update("DELETE FROM deadline_entry WHERE deadline_id = ?", deadlineId);
            ScopeDescriptor scope = serializer.deserialize(new SimpleSerializedObject<>(stored.scope(), byte[].class,
                    stored.scopeType(), null));
            DefaultUnitOfWork<DeadlineMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(message(stored));
            unitOfWork.attachTransaction(transactionManager); // joins the one that holds the row
            DefaultInterceptorChain<DeadlineMessage<?>> chain = new DefaultInterceptorChain<>(unitOfWork,
                    handlerInterceptors(), deadline -> {
                        deliver(scope, deadline);
                        return null;
                    });
            result = unitOfWork.executeWithResult(chain::proceed);
        } catch (RuntimeException e) {
            transaction.rollback();
            throw e;
        }
        if (!result.isExceptional()) {
            transaction.commit();
            return true;
        }
        transaction.rollback();
        Instant retryAt = now.plus(RETRY_AFTER_FAILURE);
        log.warn("Deadline {} ({}) of tenant {} failed, tried again at {}: {}", stored.name(), deadlineId, tenantId,
                retryAt, result.exceptionResult().getMessage());
        transactionManager.executeInTransaction(() -> jdbc.update(
                "UPDATE deadline_entry SET trigger_at = ? WHERE deadline_id = ?", Timestamp.from(retryAt), deadlineId));
        noteDueAt(retryAt);
        return false;
    }

    private void deliver(ScopeDescriptor scope, DeadlineMessage<?> deadline) throws Exception {
        for (ScopeAware scopeAware : scopes.get().provideScopeAwareStream(scope).toList()) {
            if (scopeAware.canResolve(scope)) {
                scopeAware.send(deadline, scope);
            }
        }
    }

    private DeadlineMessage<?> message(StoredDeadline stored) {
        Object payload = stored.payloadType() == null ? null : serializer.deserialize(new SimpleSerializedObject<>(
                stored.payload(), byte[].class, stored.payloadType(), stored.payloadRevision()));
        MetaData metaData = stored.metaData() == null ? MetaData.emptyInstance() : serializer.deserialize(
                new SimpleSerializedObject<>(stored.metaData(), byte[].class, MetaData.class.getName(), null));
        return new GenericDeadlineMessage<>(stored.name(), stored.id(), payload, metaData, stored.triggerAt());
    }

    /**
     * Notes the instant on the due-work calendar as this manager's tenant: an after-commit step may run on a thread
     * that no longer has the tenant bound (an event processor's, once its batch committed).
     */
    private void noteDueAt(Instant instant) {
        TenantContext.runAs(tenantId, () -> calendar.dueAt(instant));
    }

    private static void afterCommit(Runnable task) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(u -> task.run());
        } else {
            task.run();
        }
    }
}
