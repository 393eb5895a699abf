package dev.bunsui.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bunsui.aggregate.Manifest;
import dev.bunsui.aggregate.ManifestEntry;
import dev.bunsui.book.BookResult;
import dev.bunsui.book.OutputKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new run of the same book reuses every generated output from the step cache, and a refresh run
 * makes them again; through the real workflows and activities.
 */
class RerunReuseTest {
  @TempDir Path dir;

  private static final Set<String> GENERATED =
      Stream.of(OutputKind.values())
          .filter(OutputKind::generated)
          .map(Enum::name)
          .collect(Collectors.toSet());

  private static List<ManifestEntry> generated(Manifest m) {
    return m.outputs().stream().filter(e -> GENERATED.contains(e.kind())).toList();
  }

  @Test
  void aRerunReusesEveryGeneratedOutputAndARefreshMakesThemAgain() throws Exception {
    Path book = Files.createDirectories(dir.resolve("book"));
    Files.writeString(
        book.resolve("f.md"),
        "# Ownership\n\n## Rules\n\nEach value in Rust has an owner. There can only be one owner"
            + " at a time. When the owner goes out of scope, the value is dropped.\n\n"
            + "## Moves\n\nAssigning a value to another variable moves it. The first variable can"
            + " no longer be used after the move.\n");
    try (BookPipelineHarness harness = new BookPipelineHarness(dir.resolve("out"))) {
      Manifest first = harness.manifest(harness.run("rerun-1", book));
      BookResult secondResult = harness.run("rerun-2", book);
      Manifest second = harness.manifest(secondResult);
      Manifest refreshed = harness.manifest(harness.run("rerun-3", book, true));

      assertThat(generated(first)).isNotEmpty().noneMatch(ManifestEntry::cached);
      assertThat(generated(second)).hasSameSizeAs(generated(first)).allMatch(ManifestEntry::cached);
      assertThat(generated(second).stream().map(ManifestEntry::sha256).toList())
          .containsExactlyInAnyOrderElementsOf(
              generated(first).stream().map(ManifestEntry::sha256).toList());
      assertThat(generated(refreshed)).isNotEmpty().noneMatch(ManifestEntry::cached);
      assertThat(secondResult.sectionsDone()).isEqualTo(2);
    }
  }
}
