package dev.bunsui.codec;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;

/** The data converter the worker and the CLI share, with or without encryption. */
public final class Codecs {
  private Codecs() {}

  /**
   * The SDK's default converter (JSON via Jackson, protobuf, bytes, null), wrapped in {@link
   * AesGcmCodec} when {@code settings} are enabled.
   *
   * <p>Failure messages and stack traces stay readable (the SDK's {@code encodeFailureAttributes}
   * is off): they name files, lines and error codes, and the CLI's error reports read them from the
   * raw history. Workflow inputs, results, activity inputs and results, queries, updates, heartbeat
   * details, memos and the Web UI summaries set through the SDK are encrypted; search attributes
   * are not (the server must index them).
   *
   * @param settings codec settings
   * @return the data converter to set on the client and the worker factory
   */
  public static DataConverter dataConverter(CodecSettings settings) {
    DataConverter base = DefaultDataConverter.newDefaultInstance();
    if (!settings.enabled()) {
      return base;
    }
    return new CodecDataConverter(base, List.of(new AesGcmCodec(settings)));
  }
}
