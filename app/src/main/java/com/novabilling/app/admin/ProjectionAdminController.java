package com.novabilling.app.admin;

import com.novabilling.api.error.ValidationException;
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
public class ProjectionAdminController {

    private final ProjectionRebuildService rebuilds;

    public ProjectionAdminController(ProjectionRebuildService rebuilds) {
        this.rebuilds = rebuilds;
    }

    @GetMapping
    public ProjectionStatuses list() {
        return new ProjectionStatuses(rebuilds.statuses());
    }

    /** Starts the rebuild of one processor ({@code processor} as parameter or body field) or of all of them. */
    @PostMapping("/rebuild")
    public ResponseEntity<ProjectionStatuses> rebuild(@RequestParam(name = "processor", required = false) String processorParam,
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
