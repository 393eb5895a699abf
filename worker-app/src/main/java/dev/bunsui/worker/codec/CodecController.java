package dev.bunsui.worker.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.bunsui.codec.AesGcmCodec;
import io.temporal.api.common.v1.Payloads;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.function.UnaryOperator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The codec server the Temporal Web UI (and {@code temporal --codec-endpoint}) calls to show
 * encrypted payloads: {@code POST /codec/encode} and {@code POST /codec/decode}.
 *
 * <p>Protocol (Temporal's codec server protocol, temporalio/samples-go {@code
 * codec-server/protocol.md}): the body is a {@code temporal.api.common.v1.Payloads} message in
 * protobuf's JSON form, {@code
 * {"payloads":[{"metadata":{"encoding":"<base64>"},"data":"<base64>"}]}}, and the answer is the
 * same shape with every payload encoded or decoded. The {@code X-Namespace} header is accepted and
 * ignored (one key set serves every namespace).
 *
 * <p>Answers: 200 with the payloads; 400 when the body is not Payloads JSON or a payload cannot be
 * decrypted (unknown key id, altered data), with the reason as text; 401 when a token is configured
 * and the {@code Authorization: Bearer} header does not match it.
 */
@RestController
@RequestMapping("/codec")
@ConditionalOnProperty(name = "bunsui.codec.enabled", havingValue = "true")
public class CodecController {
  private final AesGcmCodec codec;
  private final byte[] token;

  /**
   * @param codec the worker's codec
   * @param props the token, if any
   */
  public CodecController(AesGcmCodec codec, CodecProperties props) {
    this.codec = codec;
    this.token =
        props.hasToken()
            ? ("Bearer " + props.token().strip()).getBytes(StandardCharsets.UTF_8)
            : null;
  }

  /** Encrypts the posted payloads. */
  @PostMapping(path = "/encode", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> encode(
      @RequestBody String body,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return handle(body, authorization, codec::encode);
  }

  /** Decrypts the posted payloads (payloads that are not encrypted come back unchanged). */
  @PostMapping(path = "/decode", produces = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<String> decode(
      @RequestBody String body,
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    return handle(body, authorization, codec::decode);
  }

  private ResponseEntity<String> handle(
      String body,
      String authorization,
      UnaryOperator<List<io.temporal.api.common.v1.Payload>> operation) {
    if (token != null
        && (authorization == null
            || !MessageDigest.isEqual(
                token, authorization.strip().getBytes(StandardCharsets.UTF_8)))) {
      return text(HttpStatus.UNAUTHORIZED, "missing or wrong Authorization: Bearer token");
    }
    Payloads.Builder in = Payloads.newBuilder();
    try {
      JsonFormat.parser().ignoringUnknownFields().merge(body, in);
    } catch (InvalidProtocolBufferException e) {
      return text(
          HttpStatus.BAD_REQUEST,
          "the body is not Payloads JSON ({\"payloads\":[{\"metadata\":{…},\"data\":\"…\"}]}): "
              + e.getMessage());
    }
    try {
      Payloads out =
          Payloads.newBuilder().addAllPayloads(operation.apply(in.getPayloadsList())).build();
      return ResponseEntity.ok()
          .contentType(MediaType.APPLICATION_JSON)
          .body(JsonFormat.printer().omittingInsignificantWhitespace().print(out));
    } catch (PayloadCodecException e) {
      return text(HttpStatus.BAD_REQUEST, e.getMessage());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print payloads as JSON", e);
    }
  }

  private static ResponseEntity<String> text(HttpStatus status, String message) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(message + "\n");
  }
}
