package dev.bunsui.worker.fault;

import dev.bunsui.book.BookActivities;
import dev.bunsui.book.FigureActivities;
import dev.bunsui.book.SectionActivities;
import dev.bunsui.tool.AdOptimizerActivities;
import dev.bunsui.tool.BookPostsActivities;
import dev.bunsui.tool.CreativeStudioActivities;
import dev.bunsui.tool.PostingActivities;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** The activity types the worker registers, named as Temporal names them. */
public final class ActivityTypes {
  /** The activity interfaces whose implementations the worker registers. */
  public static final List<Class<?>> INTERFACES =
      List.of(
          BookActivities.class,
          SectionActivities.class,
          FigureActivities.class,
          CreativeStudioActivities.class,
          AdOptimizerActivities.class,
          PostingActivities.class,
          BookPostsActivities.class);

  private ActivityTypes() {}

  /**
   * The activity type names of {@link #INTERFACES}: the capitalised method names ({@code
   * ParseBook}, {@code GenerateArticle}, {@code ConvertFigure} …), as the SDK derives them.
   *
   * @return the names, sorted; unmodifiable
   */
  public static SortedSet<String> names() {
    SortedSet<String> names = new TreeSet<>();
    for (Class<?> type : INTERFACES) {
      for (POJOActivityMethodMetadata m :
          POJOActivityInterfaceMetadata.newInstance(type).getMethodsMetadata()) {
        names.add(m.getActivityTypeName());
      }
    }
    return Collections.unmodifiableSortedSet(names);
  }
}
