package dev.bunsui.creative;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One creative as {@code ai_creative_studio} outputs it and the optimizer and posting read it.
 *
 * @param id stable id: {@code v<n>-<first 8 hex of sha256(text)>}
 * @param headline short title
 * @param body one or two sentences
 * @param hashtags hashtags with their {@code #}
 * @param callToAction what the reader should do
 * @param channel the channel the text is fitted to ({@link ChannelLimits#ALL})
 * @param lang BCP 47 language
 * @param text ready to post, within the channel's limit ({@link PostText})
 * @param image the rendered image, or null when images are off
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Creative(
    String id,
    String headline,
    String body,
    List<String> hashtags,
    @JsonProperty("call_to_action") String callToAction,
    String channel,
    String lang,
    String text,
    Image image) {

  /**
   * A stored image.
   *
   * @param uri where it is stored
   * @param sha256 content hash (hex)
   * @param mediaType {@code image/png}
   * @param width pixels
   * @param height pixels
   */
  public record Image(
      String uri,
      String sha256,
      @JsonProperty("media_type") String mediaType,
      int width,
      int height) {}
}
