package com.novabilling.command.addon;

import com.novabilling.command.validation.BoundedMetadata;
import com.novabilling.api.addon.AddOnDetails;
import com.novabilling.api.addon.UpdateAddOnCommand;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;

import static com.novabilling.command.validation.RequestPatterns.CODE;
import static com.novabilling.command.validation.RequestPatterns.CODE_MESSAGE;
import static com.novabilling.command.validation.RequestPatterns.NOT_BLANK;

/** Every field is optional: an absent or null field is left unchanged. */
public record UpdateAddOnRequest(
        @Size(max = 255) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String name,
        @Size(max = 255) @Pattern(regexp = CODE, message = CODE_MESSAGE) String code,
        @Size(max = 2000) String description,
        @Size(max = 255) String invoiceDisplayName,
        @Size(min = 1, max = 17) @Schema(description = "Replaces the whole price list; at most one price per currency")
        List<@NotNull @Valid AddOnPriceRequest> prices,
        @Schema(description = "Replaces the whole metadata object") @BoundedMetadata Map<String, Object> metadata) {

    static final UpdateAddOnRequest NO_CHANGES = new UpdateAddOnRequest(null, null, null, null, null, null);

    public UpdateAddOnCommand toCommand(String addOnId) {
        return new UpdateAddOnCommand(addOnId, new AddOnDetails(name, code, description, invoiceDisplayName,
                prices == null ? null : AddOnPriceRequest.toMoney(prices), metadata));
    }
}
