package dev.bunsui.creative;

import dev.bunsui.generate.TextLimits;
import java.util.List;
import java.util.OptionalInt;

/**
 * Composes the ready-to-post text of a creative for its channel.
 *
 * <p>For {@code x}: {@code headline\nbody\n\ncall_to_action #tag1 #tag2}, shortened by {@link
 * TextLimits#fitPost} (the headline and body are cut at a word boundary with an ellipsis; the call
 * to action and hashtags are kept unless not even ten characters of text would fit with them). For
 * other channels: headline, body, call to action and hashtags as paragraphs; for {@code slack} the
 * body is shortened to fit 40,000 characters.
 */
public final class PostText {
  private PostText() {}

  /**
   * Composes the text.
   *
   * @param headline the headline; may be blank
   * @param body the body; may be blank
   * @param hashtags hashtags with their {@code #}
   * @param callToAction the call to action; may be blank
   * @param channel a channel of {@link ChannelLimits#ALL}
   * @return a text that {@link ChannelLimits#fits} the channel whenever the parts are not all blank
   */
  public static String compose(
      String headline, String body, List<String> hashtags, String callToAction, String channel) {
    String main = join("\n", headline, body);
    String tags = String.join(" ", hashtags == null ? List.of() : hashtags);
    if (ChannelLimits.X.equals(channel)) {
      return TextLimits.fitPost(main, join(" ", callToAction, tags));
    }
    String tail = join("\n\n", callToAction, tags);
    String whole = join("\n\n", headline, body, callToAction, tags);
    OptionalInt max = ChannelLimits.max(channel);
    if (max.isEmpty() || ChannelLimits.length(channel, whole) <= max.getAsInt()) {
      return whole;
    }
    int room = max.getAsInt() - TextLimits.codePoints(tail) - 2;
    return join("\n\n", TextLimits.shorten(main, Math.max(10, room)), tail);
  }

  private static String join(String sep, String... parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      if (p != null && !p.isBlank()) {
        if (!b.isEmpty()) {
          b.append(sep);
        }
        b.append(p.strip());
      }
    }
    return b.toString();
  }
}
