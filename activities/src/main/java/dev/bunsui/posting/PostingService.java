package dev.bunsui.posting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bunsui.creative.ChannelLimits;
import dev.bunsui.failure.ErrorCode;
import dev.bunsui.generate.TextLimits;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.support.Failures;
import dev.bunsui.support.Json;
import dev.bunsui.tool.ToolRequest;
import dev.bunsui.toolrun.ToolInput;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code auto_posting} tool: one post to one channel, at most once.
 *
 * <p>Protocol, with the {@link IdempotencyKey} and the {@link PostLedger}:
 *
 * <ol>
 *   <li>{@code confirmed} record → {@code already_posted} with the stored post, the channel is not
 *       called;
 *   <li>{@code pending} record (an earlier attempt was cut off, outcome unknown) → the channel is
 *       asked ({@link Channel#find}): found → confirmed, {@code already_posted}; not found → posted
 *       as below. A channel that cannot be asked (Slack, a plain webhook) fails with {@code
 *       POST_OUTCOME_UNKNOWN}, not retried, rather than risk a second post — unless it {@link
 *       Channel#resendsSafely()} (a webhook honouring {@code Idempotency-Key});
 *   <li>otherwise (no record, or {@code failed}) → {@code pending} is written, the channel called,
 *       {@code confirmed} written with the channel's post id, URL and time → {@code posted}.
 * </ol>
 *
 * Failures: {@code POST_REJECTED} (not retried) when the channel refuses (HTTP 4xx but 408/429) or
 * is not configured; {@code POST_UNAVAILABLE} (retried, after {@code Retry-After}) when throttled,
 * unavailable or unreachable; {@code INPUT_INVALID} for bad input (unknown channel or option, an X
 * post over 280 weighted characters). When the channel certainly did not post (a 4xx or 429 answer,
 * a refused connection) the record becomes {@code failed}; otherwise it stays {@code pending}.
 *
 * <p>Input: {@code post}, {@code channel} (default {@code outbox}), optional {@code options}
 * (GitHub: {@code path}, {@code title}). Output: {@code {"channel", "status": "posted" |
 * "already_posted", "post_id", "url", "idempotency_key", "posted_at"}}.
 */
public final class PostingService {
  private static final Logger log = LoggerFactory.getLogger(PostingService.class);
  private final PostLedger ledger;
  private final Map<String, Channel> channels;
  private final Clock clock;
  private final Metrics metrics;

  /**
   * Creates the service without metrics.
   *
   * @param ledger the post records
   * @param channels the channels by name
   * @param clock stamps the records
   */
  public PostingService(PostLedger ledger, List<Channel> channels, Clock clock) {
    this(ledger, channels, clock, Metrics.NOOP);
  }

  /**
   * Creates the service.
   *
   * @param ledger the post records
   * @param channels the channels by name
   * @param clock stamps the records
   * @param metrics counts posts per channel and outcome ({@code bunsui_posts_total})
   */
  public PostingService(PostLedger ledger, List<Channel> channels, Clock clock, Metrics metrics) {
    this.ledger = ledger;
    this.channels = new LinkedHashMap<>();
    channels.forEach(c -> this.channels.put(c.name(), c));
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Creates the service with every channel of {@link ChannelLimits#ALL} built from settings.
   *
   * @param ledger the post records
   * @param settings the channel configuration
   * @param clock stamps the records and posts
   */
  public static PostingService create(PostLedger ledger, ChannelSettings settings, Clock clock) {
    return create(ledger, settings, clock, Metrics.NOOP);
  }

  /**
   * Creates the service with every channel of {@link ChannelLimits#ALL} built from settings.
   *
   * @param ledger the post records
   * @param settings the channel configuration
   * @param clock stamps the records and posts
   * @param metrics counts posts per channel and outcome
   */
  public static PostingService create(
      PostLedger ledger, ChannelSettings settings, Clock clock, Metrics metrics) {
    ChannelHttp http = new ChannelHttp(settings.timeout(), clock);
    return new PostingService(
        ledger,
        List.of(
            new OutboxChannel(settings.outbox(), clock),
            new WebhookChannel(settings.webhook(), http, clock),
            new SlackChannel(settings.slack(), http, clock),
            new XChannel(settings.x(), http, clock),
            new GithubChannel(settings.github(), http, clock)),
        clock,
        metrics);
  }

  /**
   * Posts.
   *
   * @param request the step's request (workflow id, step id, item go into the key)
   * @param input its input
   * @param attempt the activity attempt, recorded in the ledger
   * @return the output described above
   * @throws ApplicationFailure as described above
   * @throws dev.bunsui.toolrun.ToolInputException for bad input
   */
  public JsonNode post(ToolRequest request, ToolInput input, int attempt) {
    String name = input.text("channel").orElse(ChannelLimits.OUTBOX);
    try {
      JsonNode out = postOnce(request, input, attempt, name);
      metrics.post(out.path("channel").asText(name), out.path("status").asText());
      return out;
    } catch (ApplicationFailure e) {
      metrics.post(ChannelLimits.normalize(name), e.getType());
      throw e;
    }
  }

  private JsonNode postOnce(ToolRequest request, ToolInput input, int attempt, String name) {
    Channel channel = channels.get(ChannelLimits.normalize(name));
    if (channel == null) {
      throw input.invalid("channel", "is '" + name + "'; use one of " + channels.keySet());
    }
    JsonNode options = options(input, channel);
    PostContent content = PostContent.from(input, channel.name());
    if (ChannelLimits.X.equals(channel.name()) && !TextLimits.validPost(content.text())) {
      throw input.invalid(
          "post",
          "is "
              + TextLimits.weightedLength(content.text())
              + " weighted characters; X allows "
              + TextLimits.X_POST_MAX_WEIGHTED);
    }
    Optional<String> missing = channel.missingConfiguration();
    if (missing.isPresent()) {
      throw Failures.of(
          ErrorCode.POST_REJECTED,
          "channel " + channel.name() + " is not configured: " + missing.get(),
          null);
    }
    String key =
        IdempotencyKey.of(
            request.workflowId(), request.stepId(), request.item(), channel.name(), content.hash());
    PostRequest post =
        new PostRequest(
            key, content, request.workflowId(), request.stepId(), request.item(), options);

    Optional<PostRecord> record = ledger.read(key);
    if (record.isPresent() && PostRecord.CONFIRMED.equals(record.get().state())) {
      return output(channel.name(), "already_posted", key, record.get().posted());
    }
    if (record.isPresent() && PostRecord.PENDING.equals(record.get().state())) {
      Optional<Posted> earlier = askChannel(channel, post, record.get());
      if (earlier.isPresent()) {
        ledger.write(confirmed(post, channel, attempt, earlier.get()));
        log.info("{}: an earlier attempt posted {} ({})", channel.name(), key, earlier.get().url());
        return output(channel.name(), "already_posted", key, earlier.get());
      }
    }

    ledger.write(record(post, channel, PostRecord.PENDING, attempt, null, null));
    Posted posted;
    try {
      posted = channel.publish(post);
    } catch (ChannelException e) {
      if (e.notPosted()) {
        ledger.write(record(post, channel, PostRecord.FAILED, attempt, null, e.getMessage()));
      }
      throw failure(e);
    }
    ledger.write(confirmed(post, channel, attempt, posted));
    return output(channel.name(), "posted", key, posted);
  }

  private Optional<Posted> askChannel(Channel channel, PostRequest post, PostRecord pending) {
    if (channel.canLookup()) {
      try {
        return channel.find(post);
      } catch (ChannelException e) {
        // cannot ask right now: retry later, never post blindly
        throw failure(
            new ChannelException(
                "cannot check whether attempt " + pending.attempt() + " posted: " + e.getMessage(),
                e.rejected(),
                false,
                e.retryAfter(),
                e));
      }
    }
    if (channel.resendsSafely()) {
      return Optional.empty();
    }
    throw Failures.of(
        ErrorCode.POST_OUTCOME_UNKNOWN,
        "attempt "
            + pending.attempt()
            + " to post to "
            + channel.name()
            + " (idempotency key "
            + post.key()
            + ", pending since "
            + pending.updatedAt()
            + ") was cut off and "
            + channel.name()
            + " cannot be asked whether it arrived; not posting again. Check the channel, then"
            + " write the record "
            + PostLedger.key(post.key())
            + " as confirmed or failed and rerun",
        null);
  }

  private static ApplicationFailure failure(ChannelException e) {
    if (e.rejected()) {
      return Failures.of(ErrorCode.POST_REJECTED, e.getMessage(), e);
    }
    return Failures.retryAfter(ErrorCode.POST_UNAVAILABLE, e.getMessage(), e.retryAfter(), e);
  }

  private PostRecord confirmed(PostRequest post, Channel channel, int attempt, Posted posted) {
    return new PostRecord(
        post.key(),
        channel.name(),
        PostRecord.CONFIRMED,
        post.content().hash(),
        post.workflowId(),
        post.stepId(),
        post.item(),
        attempt,
        clock.instant(),
        posted.postId(),
        posted.url(),
        posted.postedAt(),
        null);
  }

  private PostRecord record(
      PostRequest post, Channel channel, String state, int attempt, Posted posted, String error) {
    return new PostRecord(
        post.key(),
        channel.name(),
        state,
        post.content().hash(),
        post.workflowId(),
        post.stepId(),
        post.item(),
        attempt,
        clock.instant(),
        posted == null ? null : posted.postId(),
        posted == null ? null : posted.url(),
        posted == null ? null : posted.postedAt(),
        error);
  }

  private static JsonNode options(ToolInput input, Channel channel) {
    JsonNode o = input.field("options").orElse(Json.MAPPER.createObjectNode());
    if (!o.isObject()) {
      throw input.invalid("options", "must be an object");
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!channel.optionKeys().contains(k)) {
        throw input.invalid(
            "options." + k,
            "is not an option of channel "
                + channel.name()
                + (channel.optionKeys().isEmpty()
                    ? " (it takes none)"
                    : "; use " + channel.optionKeys()));
      }
    }
    return o;
  }

  private static JsonNode output(String channel, String status, String key, Posted posted) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("channel", channel);
    out.put("status", status);
    out.put("post_id", posted.postId());
    out.put("url", posted.url());
    out.put("idempotency_key", key);
    out.put("posted_at", posted.postedAt() == null ? null : posted.postedAt().toString());
    return out;
  }
}
