package dev.bunsui.posting;

import java.util.Optional;
import java.util.Set;

/** A place posts go to. Implementations are thread-safe. */
public interface Channel {

  /**
   * The channel name ({@code outbox}, {@code webhook}, {@code slack}, {@code x}, {@code github}).
   */
  String name();

  /**
   * What is missing from the configuration for this channel to work.
   *
   * @return empty when configured, else a message naming the setting and its environment variable
   */
  Optional<String> missingConfiguration();

  /** The {@code options} keys this channel reads; any other key is an input error. */
  default Set<String> optionKeys() {
    return Set.of();
  }

  /**
   * Posts once.
   *
   * @param request the post
   * @return the channel's post
   * @throws ChannelException when the channel refuses or cannot be reached
   */
  Posted publish(PostRequest request);

  /**
   * Whether {@link #find} can tell if an earlier attempt posted. When false, a pending post whose
   * outcome is unknown fails with {@code POST_OUTCOME_UNKNOWN} instead of being sent again (unless
   * {@link #resendsSafely()}).
   */
  boolean canLookup();

  /**
   * Whether sending the same post again is harmless because the receiver deduplicates it (a webhook
   * honouring {@code Idempotency-Key}).
   */
  default boolean resendsSafely() {
    return false;
  }

  /**
   * Looks for a post an earlier attempt may have made.
   *
   * @param request the post
   * @return the post when the channel has it
   * @throws ChannelException when the channel cannot be asked right now
   * @throws UnsupportedOperationException when {@link #canLookup()} is false
   */
  Optional<Posted> find(PostRequest request);
}
