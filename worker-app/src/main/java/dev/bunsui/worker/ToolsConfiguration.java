package dev.bunsui.worker;

import dev.bunsui.creative.CreativeStudioActivitiesImpl;
import dev.bunsui.creative.CreativeStudioService;
import dev.bunsui.llm.ChatProviders;
import dev.bunsui.metrics.Metrics;
import dev.bunsui.optimizer.AdOptimizerActivitiesImpl;
import dev.bunsui.optimizer.AdOptimizerService;
import dev.bunsui.posting.ChannelSettings;
import dev.bunsui.posting.OutboxChannel;
import dev.bunsui.posting.PostLedger;
import dev.bunsui.posting.PostingActivitiesImpl;
import dev.bunsui.posting.PostingService;
import dev.bunsui.promotion.BookPostsActivitiesImpl;
import dev.bunsui.promotion.BookPostsService;
import dev.bunsui.store.ArtifactStore;
import dev.bunsui.thumbnail.ThumbnailRenderer;
import dev.bunsui.toolrun.ToolRunner;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pipeline tools ({@code ai_creative_studio}, {@code realtime_ad_optimizer}, {@code
 * auto_posting}, {@code book_posts}) as activity beans for {@code
 * spring.temporal.workers[*].activity-beans}, built from {@link BunsuiProperties} ({@code
 * bunsui.llm.*} for the LLM, {@code bunsui.channels.*} for posting).
 */
@Configuration
public class ToolsConfiguration {

  @Bean
  ToolRunner toolRunner(ArtifactStore store) {
    return new ToolRunner(store);
  }

  @Bean
  ChannelSettings channelSettings(BunsuiProperties props) {
    return channelSettings(props.channels(), props.store().root());
  }

  @Bean
  CreativeStudioActivitiesImpl creativeStudioActivities(
      ToolRunner runner, ArtifactStore store, BunsuiProperties props) {
    return new CreativeStudioActivitiesImpl(
        runner,
        new CreativeStudioService(
            store,
            WorkerConfiguration.llmSettings(props.llm()),
            new ChatProviders(System::getenv, Clock.systemUTC()),
            new ThumbnailRenderer(props.thumbnail().fontFile())));
  }

  @Bean
  AdOptimizerActivitiesImpl adOptimizerActivities(
      ToolRunner runner, BunsuiProperties props, ChannelSettings channels) {
    Path outbox = channels.outbox();
    return new AdOptimizerActivitiesImpl(
        runner,
        new AdOptimizerService(
            WorkerConfiguration.llmSettings(props.llm()),
            new ChatProviders(System::getenv, Clock.systemUTC()),
            () -> OutboxChannel.texts(outbox)));
  }

  @Bean
  PostingActivitiesImpl postingActivities(
      ToolRunner runner, ArtifactStore store, ChannelSettings channels, Metrics metrics) {
    return new PostingActivitiesImpl(
        runner, PostingService.create(new PostLedger(store), channels, Clock.systemUTC(), metrics));
  }

  @Bean
  BookPostsActivitiesImpl bookPostsActivities(ToolRunner runner, ArtifactStore store) {
    return new BookPostsActivitiesImpl(runner, new BookPostsService(store, Clock.systemUTC()));
  }

  /** The channel settings; the outbox defaults to {@code <store root>/outbox.jsonl}. */
  static ChannelSettings channelSettings(BunsuiProperties.Channels c, Path storeRoot) {
    return new ChannelSettings(
        c.outbox() != null ? c.outbox() : storeRoot.resolve("outbox.jsonl"),
        new ChannelSettings.Webhook(
            blankToNull(c.webhook().url()), c.webhook().honoursIdempotencyKey()),
        new ChannelSettings.Slack(blankToNull(c.slack().webhookUrl())),
        new ChannelSettings.X(
            blankToNull(c.x().baseUrl()),
            blankToNull(c.x().accessToken()),
            blankToNull(c.x().userId())),
        new ChannelSettings.Github(
            blankToNull(c.github().baseUrl()),
            blankToNull(c.github().token()),
            blankToNull(c.github().repo()),
            blankToNull(c.github().baseBranch()),
            blankToNull(c.github().folder())),
        c.timeout());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
