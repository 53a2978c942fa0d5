package com.novabilling.app.axon;

import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Looks global indexes up in one tenant's event table. */
class CommittedEventIndexes implements TenantAxonRuntime.CommittedEvents {

    private final JdbcTemplate jdbc;

    CommittedEventIndexes(DataSource tenantDataSource) {
        this.jdbc = new JdbcTemplate(tenantDataSource);
    }

    @Override
    public Set<Long> among(List<Long> globalIndexes) {
        return new HashSet<>(jdbc.queryForList("SELECT global_index FROM domain_event_entry WHERE global_index = ANY (?)",
                Long.class, (Object) globalIndexes.toArray(Long[]::new)));
    }
}
