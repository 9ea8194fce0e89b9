package dev.titanj.core.spi;

import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.OperationDescriptor.Shape;

/** Short factories generated descriptors are written with. */
public final class Descriptors {
  private Descriptors() {}

  /** An operation: id, method, path template, what the answer holds and its record type. */
  public static OperationDescriptor op(String operationId, String method, String path,
      Shape shape, Class<?> itemType) {
    return new OperationDescriptor(operationId, method, path, shape, itemType);
  }
}
