/**
 * Payload encryption: an AES-256-GCM {@link io.temporal.payload.codec.PayloadCodec} ({@link
 * dev.bunsui.codec.AesGcmCodec}), its keys ({@link dev.bunsui.codec.CodecKeys}, {@link
 * dev.bunsui.codec.CodecSettings}) and the data converter built from them ({@link
 * dev.bunsui.codec.Codecs}).
 *
 * <p>This is <b>not workflow code</b>. It lives in the workflows module only because both the
 * worker (worker-app) and the CLI (starter-app, which depends on nothing but this module) must
 * encrypt and decrypt the same payloads. A payload codec runs in the SDK's data converter, outside
 * the workflow's deterministic sandbox, so it may use {@link java.security.SecureRandom} and read
 * files and the environment; workflow implementations must never call into this package.
 */
package dev.bunsui.codec;
