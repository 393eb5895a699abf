package dev.bunsui.cli.api;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.bunsui.cli.CliException;
import dev.bunsui.cli.ExitCodes;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns refusals into RFC 9457 problem details ({@code application/problem+json}): {@code title},
 * {@code status}, {@code detail}, and {@code field} naming the request field at fault (plus {@code
 * problems} for an invalid input).
 *
 * <p>Spring MVC's own errors (405, 415, …) are problem details too ({@link
 * ResponseEntityExceptionHandler}). CLI failures map by exit code: not found → 404, still running →
 * 409, usage → 400, refused by the guard rails → 403, Temporal unreachable → 503, others → 500.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ProblemDetail> api(ApiException e) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
    if (e.field() != null) {
      p.setProperty("field", e.field());
    }
    if (!e.problems().isEmpty()) {
      p.setProperty("problems", e.problems());
    }
    return respond(p);
  }

  /** A body that is not JSON, or whose fields have the wrong type or name: 400 naming the field. */
  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(unreadable(e));
  }

  private static ProblemDetail unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getMostSpecificCause();
    String field = null;
    String detail;
    if (cause instanceof UnrecognizedPropertyException u) {
      field = path(u).isEmpty() ? u.getPropertyName() : path(u).substring(1);
      detail = "unknown field '" + field + "'";
    } else if (cause instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      field = path(m).substring(1);
      detail = field + ": " + m.getOriginalMessage();
    } else if (cause instanceof JsonProcessingException j) {
      JsonLocation at = j.getLocation();
      detail =
          "malformed JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + ": "
              + j.getOriginalMessage();
      field = "body";
    } else {
      detail = "the request body is missing or not JSON";
      field = "body";
    }
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    p.setProperty("field", field);
    return p;
  }

  /** Anything else: 500 with the error's message (the job, if any, is unaffected). */
  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
    logger.error("request failed", e);
    return respond(
        ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR, String.valueOf(e)));
  }

  @ExceptionHandler(CliException.class)
  ResponseEntity<ProblemDetail> cli(CliException e) {
    HttpStatus status =
        switch (e.exitCode()) {
          case ExitCodes.NOT_FOUND -> HttpStatus.NOT_FOUND;
          case ExitCodes.STILL_RUNNING -> HttpStatus.CONFLICT;
          case ExitCodes.USAGE -> HttpStatus.BAD_REQUEST;
          case ExitCodes.REFUSED, ExitCodes.APPROVAL_REQUIRED -> HttpStatus.FORBIDDEN;
          case ExitCodes.UNREACHABLE -> HttpStatus.SERVICE_UNAVAILABLE;
          default -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    return respond(ProblemDetail.forStatusAndDetail(status, e.getMessage()));
  }

  @ExceptionHandler(StatusRuntimeException.class)
  ResponseEntity<ProblemDetail> grpc(StatusRuntimeException e) {
    HttpStatus status =
        e.getStatus().getCode() == Status.Code.NOT_FOUND
            ? HttpStatus.NOT_FOUND
            : e.getStatus().getCode() == Status.Code.UNAVAILABLE
                ? HttpStatus.SERVICE_UNAVAILABLE
                : HttpStatus.BAD_GATEWAY;
    return respond(
        ProblemDetail.forStatusAndDetail(status, "Temporal: " + e.getStatus().getDescription()));
  }

  /** {@code .a.b[2]}: a mapping exception's path. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        b.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        b.append('[').append(r.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail p) {
    p.setType(URI.create("about:blank"));
    return ResponseEntity.status(p.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }
}
