package dev.bunsui.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.cli.pipeline.JobWatch;
import dev.bunsui.cli.pipeline.RecordSummaries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** {@code /v1/jobs}: jobs are workflow runs of a pipeline (a template, or {@code book}). */
@RestController
@RequestMapping("/v1/jobs")
@Tag(name = "jobs", description = "Start, follow, cancel, rerun and approve pipeline runs")
public class JobsController {
  /** {@code application/x-ndjson}: one JSON object per line. */
  public static final String NDJSON = "application/x-ndjson";

  private final JobService jobs;
  private final ObjectMapper json;

  JobsController(JobService jobs, ObjectMapper json) {
    this.jobs = jobs;
    this.json = json;
  }

  @Operation(
      summary = "Start a job",
      description =
          "async (default): 202 with the job id and links at once. sync: waits up to"
              + " timeout_seconds (default 60) and answers 200 with the final status and record, or"
              + " 202 when the job still runs (for example waiting for an approval).")
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> start(@RequestBody JobRequest body) throws Exception {
    Map<String, Object> started = jobs.start(body);
    String id = (String) started.get("id");
    URI self = URI.create(Links.of(id).get("self"));
    if (!"sync".equals(body.mode())) {
      return ResponseEntity.accepted().location(self).body(started);
    }
    JobWatch.Outcome outcome = jobs.watch(id, event -> {}, jobs.syncTimeout(body));
    if ("running".equals(outcome.status())) {
      return ResponseEntity.accepted().location(self).body(jobs.status(id));
    }
    Map<String, Object> done = new LinkedHashMap<>(started);
    done.put("status", outcome.status());
    if (outcome.record() != null) {
      done.put("steps", RecordSummaries.steps(outcome.record()));
      done.put("record", outcome.record());
    }
    if (outcome.result() != null) {
      done.put("result", outcome.result());
    }
    if (outcome.failure() != null) {
      done.put("failure", outcome.failure());
    }
    return ResponseEntity.ok().location(self).body(done);
  }

  @Operation(summary = "A job's status, with its execution record (pipeline) or progress (book)")
  @GetMapping("/{id}")
  Map<String, Object> status(@PathVariable("id") String id) {
    return jobs.status(id);
  }

  @Operation(
      summary = "Follow a job as NDJSON events",
      description =
          "Events: job_started, step_started, approval_requested, item_completed, step_completed,"
              + " job_completed, job_failed; the stream ends with the job. Closing the connection"
              + " never stops the job.")
  @GetMapping(value = "/{id}/stream", produces = NDJSON)
  ResponseEntity<StreamingResponseBody> stream(@PathVariable("id") String id) {
    jobs.requireExists(id);
    StreamingResponseBody body =
        out -> {
          try {
            jobs.watch(id, event -> line(out, event), null);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        };
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(NDJSON)).body(body);
  }

  @Operation(summary = "Request cancellation of a running job")
  @PostMapping("/{id}/cancel")
  ResponseEntity<Map<String, Object>> cancel(@PathVariable("id") String id) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.cancel(id));
  }

  @Operation(
      summary = "Rerun a failed (or cancelled) job",
      description =
          "strategy reset (Temporal reset to just before the failed step; default where the server"
              + " supports it) or cache (a new run of the same input).")
  @PostMapping("/{id}/rerun")
  ResponseEntity<Map<String, Object>> rerun(
      @PathVariable("id") String id, @RequestBody(required = false) RerunRequest body) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(jobs.rerun(id, body));
  }

  @Operation(summary = "Approve a step waiting for approval")
  @PostMapping(value = "/{id}/approve", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> approve(@PathVariable("id") String id, @RequestBody DecisionRequest body) {
    return jobs.decide(id, true, body);
  }

  @Operation(summary = "Reject a step waiting for approval (it and its dependents are skipped)")
  @PostMapping(value = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> reject(@PathVariable("id") String id, @RequestBody DecisionRequest body) {
    return jobs.decide(id, false, body);
  }

  private void line(OutputStream out, Object event) throws IOException {
    out.write(json.writeValueAsBytes(event));
    out.write('\n');
    out.flush();
  }
}
