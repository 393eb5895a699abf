package dev.bunsui.creative;

import dev.bunsui.generate.TextLimits;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The channels a post can go to and how each one measures and limits a post's length.
 *
 * <ul>
 *   <li>{@code x}: 280 <em>weighted</em> characters as twitter-text counts them ({@link
 *       TextLimits#weightedLength}: CJK and emoji weigh 2, a URL 23);
 *   <li>{@code slack}: 40,000 characters, the length above which Slack truncates a message's {@code
 *       text} (Slack API docs, {@code chat.postMessage}, "Truncating content"); counted in code
 *       points;
 *   <li>{@code outbox}, {@code webhook}, {@code github}: no limit (a JSON line, a JSON body, a
 *       Markdown file); counted in code points.
 * </ul>
 */
public final class ChannelLimits {
  /** The local JSONL outbox, the default channel. */
  public static final String OUTBOX = "outbox";

  /** A generic HTTP webhook receiving JSON. */
  public static final String WEBHOOK = "webhook";

  /** A Slack incoming webhook. */
  public static final String SLACK = "slack";

  /** X (API v2). */
  public static final String X = "x";

  /** A GitHub pull request adding the post as a Markdown file. */
  public static final String GITHUB = "github";

  /** Every channel name, in documentation order. */
  public static final List<String> ALL = List.of(OUTBOX, WEBHOOK, SLACK, X, GITHUB);

  /** Slack's message text limit in characters. */
  public static final int SLACK_MAX = 40_000;

  private ChannelLimits() {}

  /**
   * Normalises a channel name (trimmed, lower case).
   *
   * @return the name, or null when it is not one of {@link #ALL}
   */
  public static String normalize(String channel) {
    if (channel == null) {
      return null;
    }
    String c = channel.strip().toLowerCase(Locale.ROOT);
    return ALL.contains(c) ? c : null;
  }

  /** The channel's maximum length in its own unit ({@link #length}), or empty for none. */
  public static OptionalInt max(String channel) {
    return switch (channel) {
      case X -> OptionalInt.of(TextLimits.X_POST_MAX_WEIGHTED);
      case SLACK -> OptionalInt.of(SLACK_MAX);
      default -> OptionalInt.empty();
    };
  }

  /** The length of a text as the channel counts it: weighted for {@code x}, else code points. */
  public static int length(String channel, String text) {
    return X.equals(channel) ? TextLimits.weightedLength(text) : TextLimits.codePoints(text);
  }

  /** Whether a non-blank text fits the channel (for {@code x}: twitter-text accepts it). */
  public static boolean fits(String channel, String text) {
    if (text == null || text.isBlank()) {
      return false;
    }
    if (X.equals(channel)) {
      return TextLimits.validPost(text);
    }
    OptionalInt max = max(channel);
    return max.isEmpty() || length(channel, text) <= max.getAsInt();
  }
}
