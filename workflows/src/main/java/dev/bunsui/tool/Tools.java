package dev.bunsui.tool;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The catalog of tools pipeline definitions can use. */
public final class Tools {
  /** Creative variants from a campaign brief (LLM), each with an image. */
  public static final String AI_CREATIVE_STUDIO = "ai_creative_studio";

  /** A score in [0, 1] per creative from a documented feature model. */
  public static final String REALTIME_AD_OPTIMIZER = "realtime_ad_optimizer";

  /** Posts one post to one channel, at most once. */
  public static final String AUTO_POSTING = "auto_posting";

  /** The X posts of a finished book run, each with a publish time. */
  public static final String BOOK_POSTS = "book_posts";

  /** Every tool, in catalog order. */
  public static final List<ToolSpec> ALL =
      List.of(
          new ToolSpec(
              AI_CREATIVE_STUDIO,
              "N creative variants (headline, body, hashtags, call to action, channel) from a"
                  + " campaign brief, with an image each",
              ToolQueue.LLM,
              List.of("brief"),
              List.of("variants", "channels", "lang", "provider", "model", "images")),
          new ToolSpec(
              REALTIME_AD_OPTIMIZER,
              "a score in [0, 1] per creative with its breakdown (length fit, readability, call to"
                  + " action, hashtags, sentiment, novelty), optionally blended with an LLM judge",
              ToolQueue.LLM,
              List.of("creatives"),
              List.of("past_posts", "judge", "weights")),
          new ToolSpec(
              AUTO_POSTING,
              "posts one post to a channel (outbox, webhook, slack, x, github) at most once",
              ToolQueue.IO,
              List.of("post", "channel"),
              List.of("options")),
          new ToolSpec(
              BOOK_POSTS,
              "the X posts of a finished book run, spread over days with a publish time each",
              ToolQueue.IO,
              List.of("book"),
              List.of("start_at", "interval", "per_day", "limit")));

  private static final Map<String, ToolSpec> BY_NAME =
      ALL.stream().collect(Collectors.toMap(ToolSpec::name, Function.identity()));

  private Tools() {}

  /**
   * Looks a tool up by name.
   *
   * @param name the tool name in a definition
   * @return the tool, or empty when there is none by that name
   */
  public static Optional<ToolSpec> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
