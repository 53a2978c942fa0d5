package com.novabilling.app.tenancy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantDatabaseTemplateTest {

    @Test
    void theTemplateIsNamedAfterTheControlDatabaseAndIsAlwaysASafeName() {
        assertThat(TenantDatabaseTemplate.nameFor("novabilling")).isEqualTo("novabilling_tenant_template");
        assertThat(TenantDatabaseTemplate.nameFor("Billing-Control")).isEqualTo("billing_control_tenant_template");
        assertThat(TenantDatabaseTemplate.nameFor("1st")).isEqualTo("nb_1st_tenant_template");
        String longest = TenantDatabaseTemplate.nameFor("c".repeat(63));
        assertThat(longest).hasSize(63).endsWith("_tenant_template");
        for (String control : new String[]{"novabilling", "Billing-Control", "1st", "c".repeat(63), "_x", "ß"}) {
            assertThat(TenantDatabaseTemplate.nameFor(control)).matches("[a-z][a-z0-9_]{0,62}");
        }
    }
}
