package dev.bunsui.worker;

import io.temporal.testserver.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;

/**
 * The embedded Temporal server: the SDK's in-JVM test server bound to a local port, with real time
 * (time skipping locked). It has no Web UI, no visibility queries and no reset; it lives as long as
 * this process.
 */
final class EmbeddedTemporal {
  static final String ENABLED = "--bunsui.embedded.enabled=true";
  static final String PORT = "--bunsui.embedded.port=";

  private EmbeddedTemporal() {}

  /**
   * Starts the server when {@code args} ask for it.
   *
   * @param args the program arguments
   * @return the {@code host:port} target to connect to, or empty when not asked
   * @throws UncheckedIOException when no port can be bound
   */
  static Optional<String> startIfRequested(List<String> args) {
    if (!args.contains(ENABLED)) {
      return Optional.empty();
    }
    int port =
        args.stream()
            .filter(a -> a.startsWith(PORT))
            .map(a -> Integer.parseInt(a.substring(PORT.length())))
            .findFirst()
            .orElse(0);
    if (port == 0) {
      port = freePort();
    }
    TestServer.PortBoundTestServer server = TestServer.createPortBoundServer(port, true);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-temporal-stop"));
    String target = "127.0.0.1:" + port;
    System.out.println("BUNSUI_EMBEDDED_TEMPORAL " + target);
    return Optional.of(target);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free local port for the embedded server", e);
    }
  }
}
