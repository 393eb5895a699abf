package dev.bunsui.worker;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Prints one line when the worker polls, which the CLI waits for before starting a run: {@code
 * BUNSUI_WORKER_READY <target>}. Just before it, when the worker's HTTP server runs, {@code
 * BUNSUI_WORKER_HTTP http://<address>:<port>} gives its actual address (the port is a free one
 * unless {@code server.port} / {@code BUNSUI_HTTP_PORT} fixes it), where {@code
 * /actuator/prometheus} serves the metrics.
 */
@Component
class ReadyAnnouncer {
  /** Prefix of the line giving the HTTP server's address. */
  static final String HTTP = "BUNSUI_WORKER_HTTP ";

  private final String target;
  private final String address;

  ReadyAnnouncer(
      @Value("${spring.temporal.connection.target}") String target,
      @Value("${server.address:}") String address) {
    this.target = target;
    this.address = address;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ready(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext web
        && web.getWebServer() != null
        && web.getWebServer().getPort() > 0) {
      System.out.println(HTTP + "http://" + host(address) + ":" + web.getWebServer().getPort());
    }
    System.out.println("BUNSUI_WORKER_READY " + target);
  }

  /** The host to print: the bound address, or loopback when bound to every interface. */
  static String host(String address) {
    if (address == null || address.isBlank() || "0.0.0.0".equals(address) || "::".equals(address)) {
      return "127.0.0.1";
    }
    return address.contains(":") ? "[" + address + "]" : address;
  }
}
