package dev.bunsui.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A LangChain4j {@link HttpClient} over the JDK client whose non-2xx answers throw {@link
 * StatusHttpException} with the response headers. LangChain4j's own JDK client drops the headers,
 * which would hide {@code Retry-After}. Streaming and multipart requests go to the delegate. Each
 * request runs in an OpenTelemetry client span carrying the trace context ({@link HttpTracing}).
 */
final class HeaderKeepingHttpClient implements HttpClient {
  private final java.net.http.HttpClient jdk;
  private final Duration readTimeout;
  private final HttpClient delegate;

  HeaderKeepingHttpClient(Duration connectTimeout, Duration readTimeout, HttpClient delegate) {
    java.net.http.HttpClient.Builder b = java.net.http.HttpClient.newBuilder();
    if (connectTimeout != null) {
      b.connectTimeout(connectTimeout);
    }
    this.jdk = b.build();
    this.readTimeout = readTimeout;
    this.delegate = delegate;
  }

  @Override
  public SuccessfulHttpResponse execute(HttpRequest request) {
    if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
      return delegate.execute(request);
    }
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(request.url()));
    if (readTimeout != null) {
      b.timeout(readTimeout);
    }
    request.headers().forEach((name, values) -> values.forEach(v -> b.header(name, v)));
    java.net.http.HttpRequest.BodyPublisher body =
        request.body() == null
            ? java.net.http.HttpRequest.BodyPublishers.noBody()
            : java.net.http.HttpRequest.BodyPublishers.ofString(request.body());
    b.method(request.method().name(), body);
    List<HttpResponse<String>> sent = new ArrayList<>(1);
    HttpTracing.traced(
        request.method().name(),
        request.url(),
        b::header,
        () -> {
          try {
            sent.add(jdk.send(b.build(), HttpResponse.BodyHandlers.ofString()));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.url(), e);
          }
          return sent.get(0).statusCode();
        });
    HttpResponse<String> response = sent.get(0);
    int status = response.statusCode();
    if (status < 200 || status >= 300) {
      throw new StatusHttpException(status, response.body(), response.headers().map());
    }
    return SuccessfulHttpResponse.builder()
        .statusCode(status)
        .headers(response.headers().map())
        .body(response.body())
        .build();
  }

  @Override
  public void execute(
      HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
    delegate.execute(request, parser, listener);
  }
}
