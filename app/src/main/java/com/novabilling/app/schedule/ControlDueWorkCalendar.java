package com.novabilling.app.schedule;

import com.novabilling.app.tenancy.TenantContext;
import com.novabilling.app.time.TestClocks;
import com.novabilling.command.schedule.DueWorkCalendar;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Notes a tenant's next due instant in the control database's {@code tenant_due_work}, where {@link DueWorkPoller}
 * finds it: the earliest instant noted wins. A tenant on a test clock is left out: its time moves only when it moves
 * the clock, and that runs its due work ({@link TestClockController}).
 */
@Component
public class ControlDueWorkCalendar implements DueWorkCalendar {

    private final NamedParameterJdbcTemplate control;
    private final TestClocks testClocks;

    public ControlDueWorkCalendar(@Qualifier("control") NamedParameterJdbcTemplate control, TestClocks testClocks) {
        this.control = control;
        this.testClocks = testClocks;
    }

    @Override
    public void dueAt(Instant instant) {
        String tenantId = TenantContext.require();
        if (testClocks.frozenAt(tenantId).isPresent()) {
            return;
        }
        control.update("""
                INSERT INTO tenant_due_work (tenant_id, due_at) VALUES (:tenantId, :dueAt)
                ON CONFLICT (tenant_id) DO UPDATE SET due_at = EXCLUDED.due_at, version = tenant_due_work.version + 1
                WHERE EXCLUDED.due_at < tenant_due_work.due_at
                """, new MapSqlParameterSource("tenantId", tenantId).addValue("dueAt", Timestamp.from(instant)));
    }

    /** A tenant that froze its clock: the scheduler no longer runs its work in real time. */
    void forget(String tenantId) {
        control.update("DELETE FROM tenant_due_work WHERE tenant_id = :tenantId", new MapSqlParameterSource("tenantId", tenantId));
    }
}
