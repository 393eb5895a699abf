package dev.bunsui.cli.api;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the API refuses; becomes an {@code application/problem+json} response.
 *
 * @see ApiProblems
 */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String field;
  private final List<Map<String, Object>> problems;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status
   * @param field the request field at fault ({@code pipeline_type}, {@code input.campaign.theme}),
   *     or null
   * @param message what is wrong, in words
   */
  public ApiException(HttpStatus status, String field, String message) {
    this(status, field, message, List.of());
  }

  /**
   * Creates the exception with a list of problems (one per invalid input field).
   *
   * @param status the HTTP status
   * @param field the first field at fault, or null
   * @param message what is wrong
   * @param problems each with {@code field}, {@code json_path}, {@code line} and {@code reason}
   */
  public ApiException(
      HttpStatus status, String field, String message, List<Map<String, Object>> problems) {
    super(message);
    this.status = status;
    this.field = field;
    this.problems = List.copyOf(problems);
  }

  /** The HTTP status. */
  public HttpStatus status() {
    return status;
  }

  /** The field at fault, or null. */
  public String field() {
    return field;
  }

  /** Every problem, for an invalid input; empty otherwise. */
  public List<Map<String, Object>> problems() {
    return problems;
  }
}
