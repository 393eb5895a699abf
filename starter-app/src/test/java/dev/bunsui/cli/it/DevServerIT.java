package dev.bunsui.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bunsui.book.BookSearchAttributes;
import dev.bunsui.cli.dev.DevServerException;
import dev.bunsui.cli.dev.TemporalDevServer;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real Temporal dev server as the build starts it: frontend, Web UI, search attributes. */
class DevServerIT {
  @RegisterExtension
  static final TemporalDevServerExtension SERVER = new TemporalDevServerExtension();

  @Test
  void theFrontendAnswersWithTheDefaultNamespace() {
    WorkflowServiceStubs stubs =
        WorkflowServiceStubs.newConnectedServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(SERVER.target()).build(),
            Duration.ofSeconds(10));
    try {
      GetSystemInfoResponse info =
          stubs.blockingStub().getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      assertThat(info.getServerVersion()).startsWith("1.29");
      String namespace =
          stubs
              .blockingStub()
              .describeNamespace(
                  DescribeNamespaceRequest.newBuilder().setNamespace("default").build())
              .getNamespaceInfo()
              .getName();
      assertThat(namespace).isEqualTo("default");
    } finally {
      stubs.shutdownNow();
    }
    assertThat(SERVER.target()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(SERVER.binary()).isRegularFile();
  }

  @Test
  void theWebUiAnswers() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(SERVER.uiUrl() + "/"))
                    .timeout(Duration.ofSeconds(20))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).containsIgnoringCase("<html");
  }

  @Test
  void everyCustomSearchAttributeIsRegisteredAsKeyword() throws Exception {
    JsonNode list =
        new ObjectMapper()
            .readTree(SERVER.temporal("operator", "search-attribute", "list", "--output", "json"));
    JsonNode custom = list.path("customAttributes");
    assertThat(BookSearchAttributes.ALL).hasSize(5);
    for (var key : BookSearchAttributes.ALL) {
      assertThat(custom.path(key.getName()).asText())
          .as("type of %s in %s", key.getName(), custom)
          .isEqualTo("INDEXED_VALUE_TYPE_KEYWORD");
    }
  }

  @Test
  void theCliHelperQuotesStderrWhenACommandFails() {
    assertThatThrownBy(
            () -> SERVER.temporal("workflow", "describe", "--workflow-id", "no-such-workflow"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("exited with 1")
        .hasMessageContaining("workflow not found");
  }

  @Test
  void aSecondServerRunsBesideTheFirstAndStopsCleanly(@TempDir Path dir) {
    Path log = dir.resolve("second.log");
    TemporalDevServer second;
    try (TemporalDevServer s =
        TemporalDevServer.builder().binary(SERVER.binary()).headless(true).logFile(log).start()) {
      second = s;
      assertThat(s.target()).isNotEqualTo(SERVER.target());
      assertThat(s.isAlive()).isTrue();
      assertThat(s.dbFile()).exists();
    }
    assertThat(second.isAlive()).isFalse();
    assertThat(second.dbFile()).as("temporary database deleted").doesNotExist();
    assertThat(Files.exists(log)).isTrue();
    // the first server is unaffected
    assertThat(SERVER.temporal("operator", "namespace", "describe", "--namespace", "default"))
        .contains("default");
  }

  @Test
  void aPortInUseIsRefusedBeforeStarting(@TempDir Path dir) {
    int taken = Integer.parseInt(SERVER.target().substring(SERVER.target().indexOf(':') + 1));
    assertThatThrownBy(
            () ->
                TemporalDevServer.builder()
                    .binary(SERVER.binary())
                    .port(taken)
                    .headless(true)
                    .logFile(dir.resolve("clash.log"))
                    .start())
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining("frontend port " + taken + " is already in use");
    assertThat(dir.resolve("clash.log")).doesNotExist();
  }

  @Test
  void aServerThatDiesWhileStartingFailsWithItsLog(@TempDir Path dir) throws Exception {
    // SQLite cannot open a folder as its database: the server exits at once
    Path notAFile = Files.createDirectories(dir.resolve("db-is-a-folder"));
    assertThatThrownBy(
            () ->
                TemporalDevServer.builder()
                    .binary(SERVER.binary())
                    .headless(true)
                    .dbFile(notAFile)
                    .logFile(dir.resolve("dies.log"))
                    .startTimeout(Duration.ofSeconds(60))
                    .start())
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining("exited with code")
        .hasMessageContaining(dir.resolve("dies.log").toString())
        .hasMessageContaining("unable to open database file"); // quoted from the server's log
  }
}
