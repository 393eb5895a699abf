package dev.bunsui.worker.codec;

import dev.bunsui.codec.AesGcmCodec;
import dev.bunsui.codec.CodecSettings;
import dev.bunsui.codec.Codecs;
import io.temporal.common.converter.DataConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Payload encryption for the worker, present only when {@code bunsui.codec.enabled=true}.
 *
 * <p>The Temporal Spring Boot autoconfiguration (1.38) uses the single {@link DataConverter} bean
 * of the context for the client and every worker ({@code AutoConfigurationUtils
 * .chooseDataConverter}); the bean is named {@code mainDataConverter}, the name it prefers should
 * another converter bean ever appear. It also sets the CORS rule that lets the Web UI at {@code
 * bunsui.codec.web-ui-origin} call {@link CodecController}.
 */
@Configuration
@ConditionalOnProperty(name = "bunsui.codec.enabled", havingValue = "true")
public class CodecConfiguration {
  private static final Logger LOG = LoggerFactory.getLogger(CodecConfiguration.class);

  /** What the worker prints when the codec endpoint listens: {@code <prefix> <url>}. */
  public static final String ENDPOINT_LINE = "BUNSUI_CODEC_ENDPOINT ";

  @Bean
  CodecSettings codecSettings(CodecProperties props) {
    CodecSettings settings = props.settings();
    LOG.info(
        "payload codec on: AES-256-GCM, key ids {}, encrypting with {}",
        settings.keys().keySet(),
        settings.encryptionKeyId());
    return settings;
  }

  @Bean
  AesGcmCodec payloadCodec(CodecSettings settings) {
    return new AesGcmCodec(settings);
  }

  @Bean
  DataConverter mainDataConverter(CodecSettings settings) {
    return Codecs.dataConverter(settings);
  }

  @Bean
  WebMvcConfigurer codecCors(CodecProperties props) {
    return new WebMvcConfigurer() {
      @Override
      public void addCorsMappings(CorsRegistry registry) {
        registry
            .addMapping("/codec/**")
            .allowedOrigins(props.webUiOrigin())
            .allowedMethods("POST")
            .allowedHeaders("Content-Type", "X-Namespace", "Authorization")
            .allowCredentials(true)
            .maxAge(600);
      }
    };
  }

  /** Prints the endpoint's URL (the port may be ephemeral) for operators and tests. */
  @EventListener
  void announce(WebServerInitializedEvent event) {
    System.out.println(
        ENDPOINT_LINE + "http://localhost:" + event.getWebServer().getPort() + "/codec");
  }
}
