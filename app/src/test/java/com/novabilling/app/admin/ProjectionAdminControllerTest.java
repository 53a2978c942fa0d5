package com.novabilling.app.admin;

import com.novabilling.api.error.ValidationException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectionAdminControllerTest {

    @Test
    void processorComesFromTheParameterOrTheBody() {
        assertThat(ProjectionAdminController.processorName("invoices", null)).isEqualTo("invoices");
        assertThat(ProjectionAdminController.processorName(null, new ProjectionAdminController.RebuildRequest("invoices")))
                .isEqualTo("invoices");
        assertThat(ProjectionAdminController.processorName(null, new ProjectionAdminController.RebuildRequest(null))).isNull();
        assertThat(ProjectionAdminController.processorName(null, null)).isNull();
    }

    @Test
    void differentProcessorsInParameterAndBodyAreRejected() {
        assertThatThrownBy(() -> ProjectionAdminController.processorName("invoices",
                new ProjectionAdminController.RebuildRequest("customers")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("processor"));
    }
}
