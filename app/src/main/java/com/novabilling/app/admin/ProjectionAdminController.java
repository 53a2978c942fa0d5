package com.novabilling.app.admin;

import com.novabilling.api.error.ValidationException;
import com.novabilling.api.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Status and rebuild of the caller's tenant's projections (event processors). */
@RestController
@RequestMapping("/admin/projections")
@Tag(name = ApiTags.ADMIN)
public class ProjectionAdminController {

    private final ProjectionRebuildService rebuilds;

    public ProjectionAdminController(ProjectionRebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    @Operation(operationId = "listProjections", summary = "List the projections",
            description = "The status of each of the tenant's event processors: mode, running, replaying, caught "
                    + "up, error, position against the event store's head and progress.")
    public ProjectionStatuses list() {
        return new ProjectionStatuses(rebuilds.statuses());
    }

    @PostMapping("/rebuild")
    @Operation(operationId = "rebuildProjections", summary = "Rebuild projections",
            description = "Replays the event store into one projection (processor as parameter or body field) or, "
                    + "without one, into every projection that can be rebuilt; answers their status right after "
                    + "restarting while the replay continues in the background. 400 when the processor cannot be "
                    + "rebuilt (subscribing, or it drives sagas), 404 when there is no such processor.")
    @ApiResponse(responseCode = "202", description = "The rebuild started")
    @ApiResponse(responseCode = "404", description = "The tenant has no processor of that name")
    @ApiResponse(responseCode = "409", description = "A rebuild of this tenant's projections is being started or has "
            + "not caught up yet")
    public ResponseEntity<ProjectionStatuses> rebuild(@Parameter(description = "The processor to rebuild; all when absent")
                                                      @RequestParam(name = "processor", required = false) String processorParam,
                                                      @RequestBody(required = false) RebuildRequest body) {
        String processor = processorName(processorParam, body);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new ProjectionStatuses(rebuilds.rebuild(processor)));
    }

    static String processorName(String param, RebuildRequest body) {
        String fromBody = body == null ? null : body.processor();
        if (param != null && fromBody != null && !param.equals(fromBody)) {
            throw new ValidationException("processor", "is given as a parameter and in the body with different values");
        }
        return param != null ? param : fromBody;
    }

    public record RebuildRequest(String processor) {
    }

    public record ProjectionStatuses(List<ProjectionStatus> data) {
    }
}
