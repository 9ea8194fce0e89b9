package dev.titanj.replica;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import dev.titanj.core.ResourceKey;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.UUID;

/**
 * Turns records into the row the replica stores and back, with TitanJ's one JSON codec
 * ({@link TitanJson#moshi()}): the record's JSON, its id, {@code modifiedOn} and {@code active}
 * (read from the top level of that JSON, so no record type is reflected on), and a 64-bit digest
 * of the JSON that tells an unchanged record from a changed one without reading it back.
 */
final class RecordCodec<T, K> {
  private static final JsonAdapter<Instant> INSTANT = TitanJson.moshi().adapter(Instant.class);
  private static final JsonReader.Options FIELDS = JsonReader.Options.of("id", "modifiedOn", "active");

  private final ResourceKey<T, K> key;
  private final JsonAdapter<T> adapter;
  private final boolean integralId;

  RecordCodec(ResourceKey<T, K> key) {
    this.key = key;
    this.adapter = TitanJson.moshi().adapter(key.recordType());
    this.integralId = Dialect.isIntegral(key.idType());
  }

  /** A record as a row: id, JSON, digest and the columns read from it. */
  record Row(Object id, String json, long hash, Instant modifiedOn, boolean active) {
    String idText() {
      return id.toString();
    }
  }

  Row encode(T record) {
    // Written once as UTF-8: the digest is taken over these bytes, the three columns are read
    // from a copy (which shares the buffer's segments), and the text is decoded from them last.
    okio.Buffer bytes = new okio.Buffer();
    try {
      adapter.toJson(bytes, record);
    } catch (IOException | RuntimeException e) {
      throw new ReplicaException("could not write a " + key + " record as JSON", e);
    }
    long hash = digest(bytes.sha256());
    Object id = null;
    Instant modifiedOn = null;
    boolean active = true;
    int found = 0;
    try (JsonReader r = JsonReader.of(bytes.copy())) {
      r.beginObject();
      while (found < FIELDS.strings().size() && r.hasNext()) {
        switch (r.selectName(FIELDS)) {
          case 0:
            id = readId(r);
            found++;
            break;
          case 1:
            if (r.peek() == JsonReader.Token.NULL) {
              r.nextNull();
            } else {
              modifiedOn = INSTANT.fromJsonValue(r.nextString());
            }
            found++;
            break;
          case 2:
            if (r.peek() == JsonReader.Token.BOOLEAN) {
              active = r.nextBoolean();
            } else {
              r.skipValue();
            }
            found++;
            break;
          default:
            r.skipName();
            r.skipValue();
        }
      }
      // The rest is not read: this codec wrote it, and the three fields are all that is needed.
    } catch (IOException | RuntimeException e) {
      throw new ReplicaException("could not read the id of a " + key + " record", e);
    }
    String json = bytes.readUtf8();
    if (id == null) {
      throw new ReplicaException("a " + key + " record has no id: " + abbreviate(json));
    }
    return new Row(id, json, hash, modifiedOn, active);
  }

  private Object readId(JsonReader r) throws IOException {
    if (r.peek() == JsonReader.Token.NULL) {
      r.nextNull();
      return null;
    }
    if (integralId) {
      return r.nextLong();
    }
    return r.nextString();
  }

  T decode(String json) {
    try {
      return adapter.fromJson(json);
    } catch (IOException | RuntimeException e) {
      throw new ReplicaException("a stored " + key + " record could not be read back as "
          + key.recordType().getSimpleName(), e);
    }
  }

  /** The id as the database holds it: a {@code Long} for integral ids, else its text. */
  Object columnId(K id) {
    if (id == null) {
      throw new IllegalArgumentException("id must not be null");
    }
    if (integralId) {
      return ((Number) id).longValue();
    }
    return id instanceof UUID ? id.toString() : id.toString();
  }

  boolean integralId() {
    return integralId;
  }

  /** The first 8 bytes of the SHA-256 of {@code json}'s UTF-8 bytes, big-endian. */
  static long digest(String json) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The same digest from a SHA-256 already taken. */
  private static long digest(okio.ByteString sha256) {
    long h = 0;
    for (int i = 0; i < 8; i++) {
      h = (h << 8) | (sha256.getByte(i) & 0xff);
    }
    return h;
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
