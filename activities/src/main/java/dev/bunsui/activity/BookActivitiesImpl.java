package dev.bunsui.activity;

import dev.bunsui.aggregate.BookAggregator;
import dev.bunsui.aggregate.ChapterAggregator;
import dev.bunsui.book.BookActivities;
import dev.bunsui.book.BookAggregate;
import dev.bunsui.book.BookAggregateRequest;
import dev.bunsui.book.BookOutline;
import dev.bunsui.book.BookRequest;
import dev.bunsui.book.ChapterAggregateRequest;
import dev.bunsui.book.ChapterSummary;
import dev.bunsui.book.ThumbnailRequest;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.parse.BookInputException;
import dev.bunsui.parse.BookParseService;
import dev.bunsui.store.ArtifactRef;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.support.Failures;
import dev.bunsui.thumbnail.Thumbnail;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The book-level activities, thin over the parse, thumbnail and aggregation services. */
public class BookActivitiesImpl implements BookActivities {
  private static final Logger log = LoggerFactory.getLogger(BookActivitiesImpl.class);
  private final ArtifactStore store;
  private final BookParseService parser;
  private final ThumbnailRenderer thumbnails;
  private final ChapterAggregator chapters;
  private final BookAggregator books;

  /**
   * Creates the activities.
   *
   * @param store the artifact store
   * @param parser the book parser
   * @param thumbnails the thumbnail renderer
   * @param chapters the chapter aggregator
   * @param books the book aggregator
   */
  public BookActivitiesImpl(
      ArtifactStore store,
      BookParseService parser,
      ThumbnailRenderer thumbnails,
      ChapterAggregator chapters,
      BookAggregator books) {
    this.store = store;
    this.parser = parser;
    this.thumbnails = thumbnails;
    this.chapters = chapters;
    this.books = books;
  }

  @Override
  public BookOutline parseBook(BookRequest request) {
    return Guard.run(
        "parse " + request.source(),
        () -> {
          try {
            return parser.parse(request);
          } catch (BookInputException e) {
            throw Failures.of(ErrorCode.INPUT_INVALID, e.getMessage(), e);
          }
        });
  }

  @Override
  public ArtifactRef renderThumbnail(ThumbnailRequest request) {
    return Guard.run(
        "thumbnail of chapter " + request.chapterNumber(),
        () -> {
          Thumbnail t =
              thumbnails.render(
                  request.chapterTitle(),
                  request.book().title(),
                  request.chapterNumber(),
                  request.book().lang());
          if (!t.allGlyphsDisplayable()) {
            log.warn(
                "no installed font displays every character of '{}' (used {}); install a CJK font"
                    + " such as Debian's fonts-noto-cjk or set bunsui.thumbnail.font-file",
                request.chapterTitle(),
                t.fontFamily());
          }
          return store.put(t.png(), "image/png", "png");
        });
  }

  @Override
  public ChapterSummary aggregateChapter(ChapterAggregateRequest request) {
    return Guard.run(
        "aggregate chapter " + request.chapterNumber(), () -> chapters.aggregate(request));
  }

  @Override
  public BookAggregate aggregateBook(BookAggregateRequest request) {
    return Guard.run("aggregate book " + request.book().bookId(), () -> books.aggregate(request));
  }
}
