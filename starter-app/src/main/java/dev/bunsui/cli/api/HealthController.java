package dev.bunsui.cli.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: version, uptime and whether Temporal answers. */
@RestController
@Tag(name = "health")
public class HealthController {
  private final JobService jobs;
  private final ApiInfo info;

  HealthController(JobService jobs, ApiInfo info) {
    this.jobs = jobs;
    this.info = info;
  }

  @Operation(
      summary = "Health",
      description =
          "200 with status ok when Temporal answers within 2 s, else 503 with status degraded.")
  @GetMapping("/health")
  ResponseEntity<Map<String, Object>> health() {
    boolean reachable = jobs.temporal().reachable(Duration.ofSeconds(2));
    Map<String, Object> temporal = new LinkedHashMap<>();
    temporal.put("target", jobs.temporal().target());
    temporal.put("namespace", jobs.temporal().namespace());
    temporal.put("reachable", reachable);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("status", reachable ? "ok" : "degraded");
    out.put("version", info.version());
    out.put("uptime_seconds", Duration.between(info.startedAt(), Instant.now()).toSeconds());
    out.put("temporal", temporal);
    return ResponseEntity.status(reachable ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(out);
  }
}
