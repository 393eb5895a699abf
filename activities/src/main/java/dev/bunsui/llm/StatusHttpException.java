package dev.bunsui.llm;

import dev.langchain4j.exception.HttpException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An unsuccessful HTTP answer that, unlike LangChain4j's {@link HttpException}, keeps the response
 * headers, so {@code Retry-After} reaches the error mapping.
 */
public final class StatusHttpException extends HttpException {
  private final transient Map<String, List<String>> headers;

  /**
   * Creates the exception.
   *
   * @param statusCode the HTTP status
   * @param body the response body (the provider's error message)
   * @param headers the response headers
   */
  public StatusHttpException(int statusCode, String body, Map<String, List<String>> headers) {
    super(statusCode, body);
    this.headers = headers == null ? Map.of() : Map.copyOf(headers);
  }

  /** The response headers. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, matched case-insensitively. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }
}
