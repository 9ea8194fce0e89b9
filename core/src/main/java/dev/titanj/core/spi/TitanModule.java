package dev.titanj.core.spi;

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
}
