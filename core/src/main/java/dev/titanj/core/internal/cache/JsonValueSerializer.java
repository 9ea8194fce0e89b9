package dev.titanj.core.internal.cache;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.json.TitanJson;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.ehcache.spi.serialization.Serializer;
import org.ehcache.spi.serialization.SerializerException;

/**
 * Stores a resource's records in Ehcache's off-heap tier as their JSON form, through the same
 * Moshi codec that read them from the API; value types need not be {@code Serializable}.
 */
final class JsonValueSerializer implements Serializer<Object> {
  private final Class<?> type;
  private final JsonAdapter<Object> adapter;

  @SuppressWarnings("unchecked")
  JsonValueSerializer(Class<?> type) {
    this.type = type;
    this.adapter = (JsonAdapter<Object>) TitanJson.moshi().adapter(type);
  }

  @Override
  public ByteBuffer serialize(Object value) {
    if (!type.isInstance(value)) {
      throw new SerializerException("expected " + type.getName() + ", got "
          + (value == null ? "null" : value.getClass().getName()));
    }
    return ByteBuffer.wrap(adapter.toJson(value).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public Object read(ByteBuffer binary) {
    byte[] bytes = new byte[binary.remaining()];
    binary.get(bytes);
    try {
      return adapter.fromJson(new String(bytes, StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      throw new SerializerException("cannot read cached " + type.getName(), e);
    }
  }

  @Override
  public boolean equals(Object object, ByteBuffer binary) {
    return Objects.equals(object, read(binary));
  }
}
