package dev.bunsui.llm;

import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.net.URI;
import java.util.function.Supplier;

/**
 * Client spans for outgoing HTTP requests, with the trace context injected as request headers (W3C
 * {@code traceparent}), through the process's {@link GlobalOpenTelemetry}: a no-op unless the
 * worker installed an SDK ({@code bunsui.tracing.otlp-endpoint}). Inside an activity the current
 * span is the activity's (Temporal's tracing interceptor makes it current), so the request joins
 * the run's trace. Span attributes follow the OpenTelemetry HTTP client semantic conventions; the
 * URL is recorded without its query string, and headers (API keys) never.
 */
final class HttpTracing {
  private static final String SCOPE = "dev.bunsui.llm";

  private HttpTracing() {}

  /** Adds one header to the request being built. */
  interface HeaderSetter {
    void set(String name, String value);
  }

  /**
   * Runs one request in a client span.
   *
   * @param method HTTP method
   * @param url request URL
   * @param headers receives the propagation headers
   * @param send sends the request and returns its status code; exceptions end the span as an error
   *     and propagate
   * @return the status code
   */
  static int traced(String method, String url, HeaderSetter headers, Supplier<Integer> send) {
    Tracer tracer = GlobalOpenTelemetry.getTracer(SCOPE);
    URI uri = URI.create(url);
    Span span =
        tracer
            .spanBuilder(method)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", method)
            .setAttribute("url.full", withoutQuery(uri))
            .setAttribute("server.address", uri.getHost() == null ? "" : uri.getHost())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      GlobalOpenTelemetry.getPropagators()
          .getTextMapPropagator()
          .inject(Context.current(), headers, HeaderSetter::set);
      int status = send.get();
      span.setAttribute("http.response.status_code", status);
      if (status >= 400) {
        span.setStatus(StatusCode.ERROR);
      }
      return status;
    } catch (RuntimeException e) {
      span.recordException(e);
      span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
      if (e instanceof StatusHttpException s) {
        span.setAttribute("http.response.status_code", s.statusCode());
      }
      throw e;
    } finally {
      span.end();
    }
  }

  private static String withoutQuery(URI uri) {
    String s = uri.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }
}
