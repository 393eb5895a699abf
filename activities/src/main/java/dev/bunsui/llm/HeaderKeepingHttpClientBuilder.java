package dev.bunsui.llm;

import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import java.time.Duration;

/**
 * Builds {@link HeaderKeepingHttpClient}s; passed to LangChain4j model builders via {@code
 * httpClientBuilder(...)} so error responses keep their headers ({@code Retry-After}).
 */
public final class HeaderKeepingHttpClientBuilder implements HttpClientBuilder {
  private Duration connectTimeout;
  private Duration readTimeout;

  @Override
  public Duration connectTimeout() {
    return connectTimeout;
  }

  @Override
  public HeaderKeepingHttpClientBuilder connectTimeout(Duration timeout) {
    this.connectTimeout = timeout;
    return this;
  }

  @Override
  public Duration readTimeout() {
    return readTimeout;
  }

  @Override
  public HeaderKeepingHttpClientBuilder readTimeout(Duration timeout) {
    this.readTimeout = timeout;
    return this;
  }

  @Override
  public HttpClient build() {
    // streaming and multipart calls go to the default (SPI-loaded, JDK) client
    HttpClient streaming =
        HttpClientBuilderLoader.loadHttpClientBuilder()
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .build();
    return new HeaderKeepingHttpClient(connectTimeout, readTimeout, streaming);
  }
}
