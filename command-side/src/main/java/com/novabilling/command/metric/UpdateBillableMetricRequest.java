package com.novabilling.command.metric;

import com.novabilling.api.metric.AggregationType;
import com.novabilling.api.metric.BillableMetricDetails;
import com.novabilling.api.metric.BillableMetricFilter;
import com.novabilling.api.metric.BillableMetricRounding;
import com.novabilling.api.metric.UpdateBillableMetricCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

@Schema(description = "Absent or null fields are left unchanged; filters replace the filters whole. While charges use the metric, code, aggregationType, "
        + "fieldName, recurring and the filter values their filters use cannot change (409)")
public record UpdateBillableMetricRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @Size(max = 2000) String description,
        @Schema(description = "Any letter case is accepted; answered in upper case") AggregationType aggregationType,
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String fieldName,
        Boolean recurring,
        @Size(max = 50) List<@NotNull BillableMetricFilter> filters,
        BillableMetricRounding rounding) {

    static final UpdateBillableMetricRequest NO_CHANGES =
            new UpdateBillableMetricRequest(null, null, null, null, null, null, null, null);

    public UpdateBillableMetricCommand toCommand(String billableMetricId) {
        return new UpdateBillableMetricCommand(billableMetricId, new BillableMetricDetails(name, code, description,
                aggregationType, fieldName, recurring, filters, rounding));
    }
}
