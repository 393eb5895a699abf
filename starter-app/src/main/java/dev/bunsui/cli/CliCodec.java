package dev.bunsui.cli;

import dev.bunsui.codec.CodecException;
import dev.bunsui.codec.CodecSettings;
import dev.bunsui.codec.Codecs;
import io.temporal.common.converter.DataConverter;

/**
 * The CLI's payload codec: the same {@code BUNSUI_CODEC_*} environment variables the worker reads
 * (see {@link CodecSettings}), so the CLI encrypts the inputs it sends and decrypts the results and
 * histories it reads exactly as the worker does. A Java system property of the same name (e.g.
 * {@code -DBUNSUI_CODEC_ENABLED=true}) takes precedence over the environment variable. Workers the
 * CLI launches inherit its environment.
 */
final class CliCodec {
  private CliCodec() {}

  /** The settings in force: system property, else environment variable, per name. */
  static CodecSettings settings() {
    try {
      return CodecSettings.fromEnvironment(
          name -> {
            String property = System.getProperty(name);
            return property != null ? property : System.getenv(name);
          });
    } catch (CodecException e) {
      throw new CliException(ExitCodes.USAGE, "payload codec: " + e.getMessage());
    }
  }

  /**
   * The data converter for the client: encrypting when {@code BUNSUI_CODEC_ENABLED=true}.
   *
   * @throws CliException ({@link ExitCodes#USAGE}) naming the bad variable or key file line
   */
  static DataConverter dataConverter() {
    return Codecs.dataConverter(settings());
  }
}
