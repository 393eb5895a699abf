package dev.bunsui.optimizer;

import com.twitter.twittertext.Extractor;
import dev.bunsui.creative.ChannelLimits;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The post features of the optimizer's model that are not in their own class ({@link Readability},
 * {@link Sentiment}, {@link Novelty}); each gives a value in [0, 1].
 */
public final class Features {
  /** Start of the X length sweet spot, in weighted characters. */
  public static final int X_SWEET_MIN = 71;

  /** End of the X length sweet spot, in weighted characters. */
  public static final int X_SWEET_MAX = 100;

  /** Call-to-action phrases looked for in English posts (lower case). */
  static final List<String> EN_CTA =
      List.of(
          "learn more",
          "sign up",
          "try",
          "buy",
          "shop",
          "download",
          "join",
          "register",
          "get started",
          "read more",
          "subscribe",
          "book now",
          "order",
          "discover",
          "find out",
          "check out",
          "save your seat",
          "start",
          "visit",
          "watch");

  /** Call-to-action phrases looked for in Japanese posts. */
  static final List<String> JA_CTA =
      List.of(
          "詳しくは", "今すぐ", "登録", "ダウンロード", "購入", "試して", "試す", "チェック", "参加", "申し込", "ご覧", "始め", "予約",
          "フォロー");

  private static final Pattern EN_CTA_PATTERN =
      Pattern.compile("\\b(" + String.join("|", EN_CTA) + ")\\b");
  private static final Extractor EXTRACTOR = new Extractor();

  private Features() {}

  /**
   * How well the length suits the channel.
   *
   * <p>{@code x}, with {@code L} the twitter-text weighted length: 0 when empty or over 280; {@code
   * 0.5 + 0.5 × L/71} below the sweet spot; 1 from 71 to 100; then falling linearly to 0.5 at 280.
   * The 71–100 sweet spot and the "under 100 characters" finding come from industry studies of
   * 2012, before the 280 limit (Track Social; Buddy Media, "Strategies for Effective Tweeting: A
   * Statistical Review", reporting about 17 % more engagement for posts under 100 characters; both
   * summarised in Buffer, K. Lee 2014, "The Ideal Length of Everything Online"); treat it as a
   * heuristic. Weighted length makes a Japanese post's sweet spot about 35–50 characters.
   *
   * <p>Other channels document no sweet spot: 1 when the text is non-empty and within the channel's
   * limit ({@link ChannelLimits#max}), else 0.
   *
   * @param channel one of {@link ChannelLimits#ALL}
   * @param text the post
   * @return [0, 1]
   */
  public static double lengthFit(String channel, String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    int length = ChannelLimits.length(channel, text);
    OptionalInt max = ChannelLimits.max(channel);
    if (max.isPresent() && length > max.getAsInt()) {
      return 0;
    }
    if (!ChannelLimits.X.equals(channel)) {
      return 1;
    }
    if (length < X_SWEET_MIN) {
      return 0.5 + 0.5 * length / X_SWEET_MIN;
    }
    if (length <= X_SWEET_MAX) {
      return 1;
    }
    return 1 - 0.5 * (length - X_SWEET_MAX) / (double) (max.getAsInt() - X_SWEET_MAX);
  }

  /**
   * Whether the post asks the reader to act: 1 when the text contains the creative's {@code
   * call_to_action}, a link, or one of the phrases in {@link #EN_CTA} (whole words, any case) or
   * {@link #JA_CTA}; else 0.
   *
   * @param text the post
   * @param callToAction the creative's call to action; may be null
   * @return 0 or 1
   */
  public static double callToAction(String text, String callToAction) {
    String t = text.toLowerCase(Locale.ROOT);
    if (callToAction != null
        && !callToAction.isBlank()
        && t.contains(callToAction.strip().toLowerCase(Locale.ROOT))) {
      return 1;
    }
    if (!EXTRACTOR.extractURLs(text).isEmpty()) {
      return 1;
    }
    if (EN_CTA_PATTERN.matcher(t).find()) {
      return 1;
    }
    for (String p : JA_CTA) {
      if (text.contains(p)) {
        return 1;
      }
    }
    return 0;
  }

  /**
   * How well the number of hashtags (as twitter-text extracts them) suits the channel.
   *
   * <p>{@code x}: 1 for one or two; 0.5 for none; 0.6 for three, 0.3 for four, 0 for five or more.
   * One or two is X's own advice ("we recommend using no more than 2 hashtags", X Help Center, "How
   * to use hashtags") and Buddy Media (2012) reported 21 % more engagement for posts with one or
   * two hashtags than with three or more; the values between are a heuristic.
   *
   * <p>Other channels (heuristic): 1 for up to three, then 0.2 less per extra hashtag.
   *
   * @param channel one of {@link ChannelLimits#ALL}
   * @param text the post
   * @return [0, 1]
   */
  public static double hashtags(String channel, String text) {
    int n = hashtagCount(text);
    if (!ChannelLimits.X.equals(channel)) {
      return n <= 3 ? 1 : Math.max(0, 1 - 0.2 * (n - 3));
    }
    return switch (n) {
      case 0 -> 0.5;
      case 1, 2 -> 1;
      case 3 -> 0.6;
      case 4 -> 0.3;
      default -> 0;
    };
  }

  /** The number of hashtags twitter-text extracts from the text. */
  public static int hashtagCount(String text) {
    return EXTRACTOR.extractHashtags(text).size();
  }
}
