package dev.bunsui.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalCliTest {
  @TempDir Path dir;

  @Test
  void theProjectsOwnBuildComesFirst() throws Exception {
    Path home = Files.createDirectories(dir.resolve("project"));
    Path own = executable(home.resolve(".tools/temporal/bin/temporal"));
    Path onPath = executable(dir.resolve("bin/temporal"));

    assertThat(TemporalCli.find(home, onPath.getParent().toString())).contains(own);
  }

  @Test
  void pathIsSearchedInOrderWhenTheProjectHasNoBuild() throws Exception {
    Path home = Files.createDirectories(dir.resolve("project"));
    Path notExecutable = Files.createDirectories(dir.resolve("a")).resolve("temporal");
    Files.writeString(notExecutable, "not a program");
    Files.setPosixFilePermissions(notExecutable, PosixFilePermissions.fromString("rw-r--r--"));
    Path second = executable(dir.resolve("b/temporal"));
    executable(dir.resolve("c/temporal"));
    String path =
        String.join(
            File.pathSeparator,
            dir.resolve("missing").toString(),
            "",
            dir.resolve("a").toString(),
            dir.resolve("b").toString(),
            dir.resolve("c").toString());

    assertThat(TemporalCli.find(home, path)).contains(second);
  }

  @Test
  void nothingIsFoundWithoutABuildOrPath() {
    assertThat(TemporalCli.find(dir, null)).isEmpty();
    assertThat(TemporalCli.find(dir, "")).isEmpty();
    assertThat(TemporalCli.find(dir, dir.resolve("nothing-here").toString())).isEmpty();
  }

  @Test
  void theMissingMessageSaysWhereItLookedAndHowToInstall() {
    assertThat(TemporalCli.missingMessage(dir))
        .contains(dir.resolve(".tools/temporal/bin/temporal").toString())
        .contains("PATH")
        .contains("scripts/install-temporal-cli.sh")
        .contains("Go");
  }

  static Path executable(Path file) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, "#!/bin/sh\nexit 0\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
