package com.novabilling.command.metric;

import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.CreateBillableMetricCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;

public record CreateBillableMetricRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "Unique within the tenant; usage events name their metric by this code",
                example = "api_calls") String code,
        @Size(max = 2000) String description,
        @NotNull @Schema(description = "Any letter case is accepted (sum); answered in upper case")
        AggregationType aggregationType,
        @Size(max = 255) @Schema(description = "The event property aggregated; required except for COUNT",
                example = "bytes") String fieldName,
        @Schema(description = "Default false. Whether the value carries across billing periods; only for SUM, "
                + "UNIQUE_COUNT and WEIGHTED_SUM") Boolean recurring,
        @Size(max = 50) @Schema(description = "Dimensions of the events and the values charge filters may use")
        List<@NotNull BillableMetricFilter> filters,
        @Schema(description = "Optional rounding of the aggregated units before pricing; digits default to 0")
        BillableMetricRounding rounding) {

    public CreateBillableMetricCommand toCommand(String billableMetricId) {
        return new CreateBillableMetricCommand(billableMetricId, new BillableMetricDetails(name, code, description,
                aggregationType, fieldName, recurring, filters, rounding));
    }
}
