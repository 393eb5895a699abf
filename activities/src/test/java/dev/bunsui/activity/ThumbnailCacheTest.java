package dev.bunsui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import dev.bunsui.aggregate.BookAggregator;
import dev.bunsui.aggregate.ChapterAggregator;
import dev.bunsui.book.BookContext;
import dev.bunsui.book.OutputKind;
import dev.bunsui.book.ThumbnailRequest;
import dev.bunsui.cache.StepCache;
import dev.bunsui.parse.BookParseService;
import dev.bunsui.parse.ParseSettings;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.LocalArtifactStore;
import dev.bunsui.support.LogCapture;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chapter thumbnail through the step cache. */
class ThumbnailCacheTest {
  @TempDir Path dir;
  LocalArtifactStore store;
  BookActivitiesImpl activities;

  @BeforeEach
  void setUp() {
    store = new LocalArtifactStore(dir.resolve("out"));
    activities =
        new BookActivitiesImpl(
            store,
            new BookParseService(store, ParseSettings.defaults()),
            new ThumbnailRenderer(null),
            new ChapterAggregator(store),
            new BookAggregator(store, Clock.systemUTC()));
  }

  private static ThumbnailRequest request(String title, boolean refresh) {
    BookContext book =
        new BookContext("b", "The Book", "en", List.of(OutputKind.ARTICLE), null, null, refresh);
    return new ThumbnailRequest(book, 1, title);
  }

  @Test
  void theSameTitleIsDrawnOnceUnlessRefreshedOrItsPngIsGone() throws Exception {
    try (LogCapture logs = new LogCapture(StepCache.class)) {
      ArtifactRef first = activities.renderThumbnail(request("Ownership", false));
      ArtifactRef second = activities.renderThumbnail(request("Ownership", false));
      assertThat(second).isEqualTo(first);
      assertThat(logs.messages(Level.INFO)).containsExactly("step cache hit thumbnail chapter 1");

      activities.renderThumbnail(request("Ownership", true));
      ArtifactRef other = activities.renderThumbnail(request("Borrowing", false));
      assertThat(other).isNotEqualTo(first);
      assertThat(logs.messages(Level.INFO)).hasSize(1);

      Files.delete(store.root().resolve(store.key(first)));
      ArtifactRef redrawn = activities.renderThumbnail(request("Ownership", false));
      assertThat(redrawn).isEqualTo(first);
      assertThat(store.get(redrawn)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
      assertThat(logs.messages(Level.INFO))
          .hasSize(2)
          .last()
          .asString()
          .contains("no longer stored", "running the step");
    }
  }
}
