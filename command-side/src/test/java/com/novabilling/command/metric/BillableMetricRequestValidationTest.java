package com.novabilling.command.metric;

import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.CreateBillableMetricCommand;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billable-metric requests' own constraints, field by field, without HTTP: what {@code BillableMetricHttpTest}
 * proves once over the wire (a 400 naming the field). The definition rules (fieldName, recurring, filters, rounding)
 * are the rating engine's ({@code MetricValidatorTest}, {@code ChargeDefinitionsTest}).
 */
class BillableMetricRequestValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static CreateBillableMetricRequest create(String name, String code, AggregationType type) {
        return new CreateBillableMetricRequest(name, code, null, type, null, null, null, null);
    }

    private static Set<String> invalidFields(Object request) {
        return validator.validate(request).stream()
                .map(violation -> violation.getPropertyPath().toString())
                .collect(Collectors.toSet());
    }

    @Test
    void aValidCreateRequestBecomesTheCommand() {
        List<BillableMetricFilter> regions = List.of(new BillableMetricFilter("region", List.of("eu", "us")));
        BillableMetricRounding rounding = new BillableMetricRounding(BillableMetricRounding.Mode.CEIL, 2);
        CreateBillableMetricRequest request = new CreateBillableMetricRequest("Storage", "storage_gb", "GB stored",
                AggregationType.SUM, "gb", true, regions, rounding);

        assertThat(validator.validate(request)).isEmpty();
        assertThat(request.toCommand("bm_1")).isEqualTo(new CreateBillableMetricCommand("bm_1", new BillableMetricDetails("Storage", "storage_gb", "GB stored", AggregationType.SUM, "gb", true, regions, rounding)));
    }

    @Test
    void createNeedsNameCodeAndAggregationType() {
        assertThat(invalidFields(create(null, "calls", AggregationType.COUNT))).containsExactly("name");
        assertThat(invalidFields(create(" ", "calls", AggregationType.COUNT))).containsExactly("name");
        assertThat(invalidFields(create("Calls", null, AggregationType.COUNT))).containsExactly("code");
        assertThat(invalidFields(create("Calls", "calls", null))).containsExactly("aggregationType");
    }

    @Test
    void createRefusesACodeWithSpacesAndANullFilter() {
        assertThat(invalidFields(create("Calls", "has space", AggregationType.COUNT))).containsExactly("code");
        assertThat(invalidFields(new CreateBillableMetricRequest("Calls", "calls", null, AggregationType.COUNT, null,
                null, Arrays.asList(new BillableMetricFilter("region", List.of("eu")), null), null)))
                .singleElement().asString().startsWith("filters[1]");
    }

    @Test
    void updateRefusesBlankNameOrFieldAndABadCodeAndAcceptsNoChanges() {
        assertThat(validator.validate(UpdateBillableMetricRequest.NO_CHANGES)).isEmpty();
        assertThat(invalidFields(new UpdateBillableMetricRequest(" ", null, null, null, " ", null, null, null)))
                .containsExactlyInAnyOrder("name", "fieldName");
        assertThat(invalidFields(new UpdateBillableMetricRequest(null, "has space", null, null, null, null, null,
                null))).containsExactly("code");
    }
}
