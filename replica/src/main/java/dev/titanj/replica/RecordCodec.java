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
    String json = adapter.toJson(record);
    Object id = null;
    Instant modifiedOn = null;
    boolean active = true;
    try (JsonReader r = JsonReader.of(new okio.Buffer().writeUtf8(json))) {
      r.beginObject();
      while (r.hasNext()) {
        switch (r.selectName(FIELDS)) {
          case 0:
            id = readId(r);
            break;
          case 1:
            if (r.peek() == JsonReader.Token.NULL) {
              r.nextNull();
            } else {
              modifiedOn = INSTANT.fromJsonValue(r.nextString());
            }
            break;
          case 2:
            if (r.peek() == JsonReader.Token.BOOLEAN) {
              active = r.nextBoolean();
            } else {
              r.skipValue();
            }
            break;
          default:
            r.skipName();
            r.skipValue();
        }
      }
      r.endObject();
    } catch (IOException | RuntimeException e) {
      throw new ReplicaException("could not read the id of a " + key + " record", e);
    }
    if (id == null) {
      throw new ReplicaException("a " + key + " record has no id: " + abbreviate(json));
    }
    return new Row(id, json, digest(json), modifiedOn, active);
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

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
