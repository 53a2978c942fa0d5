package com.novabilling.app.web;

import com.novabilling.app.axon.TenantRuntimeRegistry;
import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** For load balancers and monitoring, not API clients: left out of the OpenAPI document that SDKs are generated from. */
@RestController
@Unprefixed
@Hidden
public class HealthController {

    private final NamedParameterJdbcTemplate control;
    private final TenantRuntimeRegistry runtimes;

    public HealthController(@Qualifier("control") NamedParameterJdbcTemplate control, TenantRuntimeRegistry runtimes) {
        this.control = control;
        this.runtimes = runtimes;
    }

    @GetMapping({"/health", "/api/health"})
    public Map<String, Object> health() {
        Integer one = control.queryForObject("SELECT 1", Map.of(), Integer.class);
        return Map.of("status", one != null && one == 1 ? "up" : "down", "tenants", runtimes.tenantIds().size());
    }
}
