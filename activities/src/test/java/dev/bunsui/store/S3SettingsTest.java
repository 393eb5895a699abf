package dev.bunsui.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bunsui.failure.ErrorCode;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  private static final long MIB = 1024 * 1024;

  @Test
  void thePrefixIsNormalizedAndThePartSizeKeptWithinS3Limits() {
    S3Settings s = new S3Settings(" b ", "/bunsui/books/", "eu-west-1", null, false, MIB, null);

    assertThat(s.bucket()).isEqualTo("b");
    assertThat(s.prefix()).isEqualTo("bunsui/books/");
    assertThat(s.rootUri()).isEqualTo("s3://b/bunsui/books/");
    assertThat(s.partSize()).isEqualTo(5 * MIB);
    assertThat(s.presigns()).isFalse();
    assertThat(S3Settings.of("b").prefix()).isEmpty();
    assertThat(S3Settings.of("b").multipartThreshold()).isEqualTo(8 * MIB);
    assertThat(S3Settings.of("b").partSize()).isEqualTo(8 * MIB);
  }

  @Test
  void badSettingsAreNonRetryableConfigErrorsNamingTheKey() {
    assertThat(invalid(() -> S3Settings.of(" ")))
        .contains("bunsui.store.s3.bucket")
        .contains("BUNSUI_S3_BUCKET");
    assertThat(invalid(() -> new S3Settings("b", "a/../c", null, null, false, MIB, null)))
        .contains("bunsui.store.s3.prefix");
    assertThat(
            invalid(() -> new S3Settings("b", "", null, URI.create("ftp://x"), false, MIB, null)))
        .contains("bunsui.store.s3.endpoint");
    assertThat(invalid(() -> new S3Settings("b", "", null, null, false, 0, null)))
        .contains("bunsui.store.s3.multipart-threshold");
    assertThat(invalid(() -> new S3Settings("b", "", null, null, false, MIB, Duration.ofDays(8))))
        .contains("bunsui.store.s3.presign-duration")
        .contains("7 days");
  }

  private static String invalid(Runnable make) {
    StoreException e = catchThrowableOfType(StoreException.class, make::run);
    assertThat(e).isNotNull();
    assertThat(e.code()).isEqualTo(ErrorCode.STORE_CONFIG);
    return e.getMessage();
  }
}
