package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bunsui.creative.PostText;
import dev.bunsui.support.Hashes;
import dev.bunsui.toolrun.ToolInput;
import java.util.ArrayList;
import java.util.List;

/**
 * What gets posted.
 *
 * @param text the post text
 * @param title a title (the creative's headline) for channels that show one (GitHub); may be null
 * @param post the {@code post} input as given, passed on to the webhook and the outbox
 */
public record PostContent(String text, String title, JsonNode post) {

  /**
   * Reads {@code post}: a text, or an object with {@code text} (a creative, a book post), or with
   * {@code headline}/{@code body}/{@code hashtags}/{@code call_to_action} composed for the channel
   * ({@link PostText}). The title is {@code title}, else {@code headline}.
   *
   * @param input the tool input
   * @param channel the channel, for composing
   * @return the content
   * @throws dev.bunsui.toolrun.ToolInputException naming {@code post} when there is no text
   */
  public static PostContent from(ToolInput input, String channel) {
    JsonNode p = input.field("post").orElseThrow(() -> input.invalid("post", "is required"));
    if (p.isTextual()) {
      if (p.asText().isBlank()) {
        throw input.invalid("post", "is blank");
      }
      return new PostContent(p.asText().strip(), null, p);
    }
    if (!p.isObject()) {
      throw input.invalid("post", "must be an object or a text, got " + p.getNodeType());
    }
    String title = p.path("title").asText(p.path("headline").asText("")).strip();
    String text = p.path("text").asText("").strip();
    if (text.isEmpty()) {
      List<String> tags = new ArrayList<>();
      p.path("hashtags").forEach(t -> tags.add(t.asText()));
      text =
          PostText.compose(
              p.path("headline").asText(""),
              p.path("body").asText(""),
              tags,
              p.path("call_to_action").asText(""),
              channel);
    }
    if (text.isBlank()) {
      throw input.invalid("post", "has no text (nor headline/body to compose one)");
    }
    return new PostContent(text, title.isEmpty() ? null : title, p);
  }

  /** SHA-256 of the text and the title: what the idempotency key covers. */
  public String hash() {
    return Hashes.sha256(text + "\u0000" + (title == null ? "" : title));
  }
}
