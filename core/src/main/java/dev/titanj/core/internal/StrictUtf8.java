package dev.titanj.core.internal;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Refuses response bodies that are not well-formed UTF-8 (JSON's only encoding, RFC 8259)
 * before they are decoded: Okio, and so Moshi, would otherwise turn each bad byte into U+FFFD
 * and hand back silently changed text. The failure is a {@link TitanJsonException}, which the
 * client turns into a {@link dev.titanj.core.TitanDecodingException} with the status and the
 * request path. Error bodies are not checked: they are read for their message only.
 */
final class StrictUtf8 extends Converter.Factory {
  static final StrictUtf8 INSTANCE = new StrictUtf8();

  private StrictUtf8() {}

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(Type type, Annotation[] annotations,
      Retrofit retrofit) {
    Converter<ResponseBody, ?> next = retrofit.nextResponseBodyConverter(this, type, annotations);
    return body -> {
      check(body);
      return next.convert(body);
    };
  }

  /** Fails with a {@link TitanJsonException} unless all of {@code body} is UTF-8; consumes nothing. */
  static void check(ResponseBody body) throws IOException {
    byte[] bytes = body.source().peek().readByteArray();
    int at = firstInvalid(bytes);
    if (at >= 0) {
      throw new TitanJsonException("response", null, "the body is not valid UTF-8 (byte 0x"
          + Integer.toHexString(bytes[at] & 0xff) + " at offset " + at + " of " + bytes.length
          + ")", null);
    }
  }

  /**
   * The offset of the first byte that does not start a well-formed UTF-8 sequence (overlong
   * forms, surrogates, code points above U+10FFFF and truncated sequences included), or -1.
   */
  static int firstInvalid(byte[] b) {
    int n = b.length;
    int i = 0;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
      } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
      } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
      } else {
        return i;
      }
      if (i + len > n) {
        return i;
      }
      int c1 = b[i + 1] & 0xff;
      if ((c1 & 0xc0) != 0x80
          || (c == 0xe0 && c1 < 0xa0) // overlong 3-byte form
          || (c == 0xed && c1 > 0x9f) // UTF-16 surrogate
          || (c == 0xf0 && c1 < 0x90) // overlong 4-byte form
          || (c == 0xf4 && c1 > 0x8f)) { // above U+10FFFF
        return i;
      }
      for (int k = 2; k < len; k++) {
        if ((b[i + k] & 0xc0) != 0x80) {
          return i;
        }
      }
      i += len;
    }
    return -1;
  }
}
