package com.novabilling.app.tenancy;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;

@Configuration(proxyBeanMethods = false)
public class TenancyConfiguration {

    /** JPA read models, lookup tables and Axon storage all go through this one, routed by {@link TenantContext}. */
    @Bean
    @Primary
    @Qualifier("routing")
    DataSource dataSource(TenantDataSources tenantDataSources, @Qualifier("control") HikariDataSource controlDataSource) {
        return new TenantRoutingDataSource(tenantDataSources, controlDataSource);
    }
}
