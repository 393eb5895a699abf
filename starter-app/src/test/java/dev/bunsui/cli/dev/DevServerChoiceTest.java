package dev.bunsui.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevServerChoiceTest {
  @TempDir Path home;

  @Test
  void withoutTheCliItIsTheInJvmServerAndSaysHowToGetTheWebUi() {
    DevServerChoice choice =
        DevServerChoice.choose(Optional.empty(), home, home.resolve("no-bin").toString(), false);

    assertThat(choice.realServer()).isFalse();
    assertThat(choice.binary()).isEmpty();
    assertThat(choice.intro())
        .contains("in-JVM Temporal server")
        .contains("the Temporal CLI is not installed")
        .contains(home.resolve(".tools/temporal/bin/temporal").toString())
        .contains("no Web UI")
        .contains("bash scripts/install-temporal-cli.sh")
        .contains("http://localhost:8233");
  }

  @Test
  void theProjectsCliMeansTheRealDevServer() throws Exception {
    Path binary = TemporalCliTest.executable(home.resolve(".tools/temporal/bin/temporal"));

    DevServerChoice choice = DevServerChoice.choose(Optional.empty(), home, "", false);

    assertThat(choice.realServer()).isTrue();
    assertThat(choice.binary()).contains(binary);
    assertThat(choice.intro()).contains("Temporal dev server").contains(binary.toString());
    assertThat(choice.intro()).doesNotContain("in-JVM");
  }

  @Test
  void aCliOnPathCountsToo() throws Exception {
    Path binary = TemporalCliTest.executable(home.resolve("bin/temporal"));

    DevServerChoice choice =
        DevServerChoice.choose(Optional.empty(), home, binary.getParent().toString(), false);

    assertThat(choice.binary()).contains(binary);
  }

  @Test
  void embeddedAskedWinsOverAnInstalledCli() throws Exception {
    TemporalCliTest.executable(home.resolve(".tools/temporal/bin/temporal"));

    DevServerChoice choice = DevServerChoice.choose(Optional.empty(), home, "", true);

    assertThat(choice.realServer()).isFalse();
    assertThat(choice.intro()).contains("--embedded was given").contains("no Web UI");
  }

  @Test
  void aNamedCliMustExist() {
    Path missing = home.resolve("missing/temporal");

    assertThatThrownBy(() -> DevServerChoice.choose(Optional.of(missing), home, "", false))
        .isInstanceOf(DevServerException.class)
        .hasMessageContaining("--temporal-cli " + missing + " is not an executable file")
        .hasMessageContaining("scripts/install-temporal-cli.sh");
  }

  @Test
  void aNamedCliIsUsedAsGiven() throws Exception {
    Path binary = TemporalCliTest.executable(home.resolve("elsewhere/temporal"));
    TemporalCliTest.executable(home.resolve(".tools/temporal/bin/temporal"));

    assertThat(DevServerChoice.choose(Optional.of(binary), home, "", false).binary())
        .contains(binary);
  }
}
