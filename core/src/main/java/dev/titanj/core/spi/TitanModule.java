package dev.titanj.core.spi;

import com.squareup.moshi.JsonAdapter;
import dev.titanj.core.ResourceDescriptor;
import java.util.List;

/**
 * One generated API module (an area such as {@code crm}), announced through
 * {@code META-INF/services/dev.titanj.core.spi.TitanModule} so that core, the CLI, the testing
 * module and the replica find its resources without naming its classes.
 */
public interface TitanModule {
  /** The area name: {@code crm}. */
  String area();

  /** The Maven artifact that holds the module: {@code dev.titanj:titanj-crm}. */
  default String artifact() {
    return "dev.titanj:titanj-" + area();
  }

  /** The module's resources, in document order. */
  List<ResourceDescriptor<?, ?>> resources();

  /**
   * The JSON adapters of the module's record and request types, which {@code TitanJson} prefers
   * to its reflective adapter: a factory that answers each of the module's types (by its class)
   * with a generated adapter, and null for any other type. Asked once, when the first type of the
   * module's package is decoded or encoded. Null (the default) leaves the module's types to the
   * reflective adapter.
   */
  default JsonAdapter.Factory jsonAdapters() {
    return null;
  }
}
