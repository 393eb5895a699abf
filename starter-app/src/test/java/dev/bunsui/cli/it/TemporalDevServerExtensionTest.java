package dev.bunsui.cli.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** The extension fails (does not skip) integration tests when the Temporal CLI is missing. */
class TemporalDevServerExtensionTest {
  @TempDir Path root;

  @Test
  void aMissingCliFailsWithTheInstallScript() {
    assertThatThrownBy(
            () ->
                TemporalDevServerExtension.requireBinary(
                    root, root.resolve("empty-bin").toString()))
        .isInstanceOf(AssertionError.class)
        .isNotInstanceOf(TestAbortedException.class)
        .hasMessageContaining("integration tests need the real Temporal dev server")
        .hasMessageContaining(root.resolve(".tools/temporal/bin/temporal").toString())
        .hasMessageContaining("scripts/install-temporal-cli.sh");
  }

  @Test
  void accessorsOutsideTheTestClassSayWhy() {
    TemporalDevServerExtension extension = new TemporalDevServerExtension();

    assertThatThrownBy(extension::target)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only during the test class");
    assertThat(TemporalDevServerExtension.buildDir()).isAbsolute();
  }
}
