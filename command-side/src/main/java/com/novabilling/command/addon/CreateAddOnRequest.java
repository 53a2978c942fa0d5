package com.novabilling.command.addon;

import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.CreateAddOnCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;

public record CreateAddOnRequest(
        @NotBlank @Size(max = 255) String name,
        @NotBlank @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE)
        @Schema(description = "Unique among the tenant's add-ons", example = "setup_fee") String code,
        @Size(max = 2000) String description,
        @Size(max = 255) @Schema(description = "Shown on invoices instead of the name") String invoiceDisplayName,
        @NotEmpty @Size(max = 17) @Schema(description = "One-off price, at most one per currency")
        List<@NotNull @Valid AddOnPriceRequest> prices,
        @BoundedMetadata Map<String, Object> metadata) {

    public CreateAddOnCommand toCommand(String addOnId) {
        return new CreateAddOnCommand(addOnId, new AddOnDetails(name, code, description, invoiceDisplayName,
                AddOnPriceRequest.toMoney(prices), metadata));
    }
}
