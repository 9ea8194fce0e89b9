package dev.titanj.core.internal.cache;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.TitanException;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;

/**
 * How a resource's records are held in a JCache cache: by reference where the provider allows it
 * (the embedded Ehcache), else as their JSON text, so a store-by-value or distributed provider
 * (Hazelcast...) can copy and ship them without the value types being {@code Serializable}.
 */
public abstract class ValueCodec {
  private static final ValueCodec IDENTITY = new ValueCodec() {
    @Override
    public Object encode(Object value) {
      return value;
    }

    @Override
    public Object decode(Object stored) {
      return stored;
    }
  };

  ValueCodec() {}

  /** Values stored as they are (store-by-reference). */
  public static ValueCodec identity() {
    return IDENTITY;
  }

  /** Values stored as JSON strings through the shared Moshi codec. */
  public static ValueCodec json(Class<?> type) {
    @SuppressWarnings("unchecked")
    JsonAdapter<Object> adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
    return new ValueCodec() {
      @Override
      public Object encode(Object value) {
        return adapter.toJson(value);
      }

      @Override
      public Object decode(Object stored) {
        if (!(stored instanceof String)) {
          return null;
        }
        try {
          return adapter.fromJson((String) stored);
        } catch (IOException | RuntimeException e) {
          throw new TitanException("cannot read cached " + type.getName(), e);
        }
      }
    };
  }

  /** The form put into the cache. */
  public abstract Object encode(Object value);

  /** The record read back from the cache form; null when absent or of another form. */
  public abstract Object decode(Object stored);
}
