package dev.titanj.core.spi;

import dev.titanj.core.OperationDescriptor;
import dev.titanj.core.OperationDescriptor.Shape;
import java.util.Objects;

/** Writes the operation descriptors of one module, whose paths share a prefix. */
public final class Descriptors {
  private final String prefix;

  private Descriptors(String prefix) {
    this.prefix = prefix;
  }

  /** Descriptors of operations below {@code prefix}, such as {@code crm/v2/tenant/{tenant}/}. */
  public static Descriptors under(String prefix) {
    return new Descriptors(Objects.requireNonNull(prefix, "prefix"));
  }

  /** An operation: id, method, path below the prefix, what the answer holds, its record type. */
  public OperationDescriptor op(String operationId, String method, String path, Shape shape,
      Class<?> itemType) {
    return new OperationDescriptor(operationId, method, prefix + path, shape, itemType);
  }

  /** An operation answered with a paged list. */
  public OperationDescriptor page(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.PAGE, itemType);
  }

  /** An operation answered with a list paged as bare arrays. */
  public OperationDescriptor arrayPage(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.ARRAY_PAGE, itemType);
  }

  /** An operation answered with an export feed. */
  public OperationDescriptor export(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.EXPORT, itemType);
  }

  /** An operation answered with one record. */
  public OperationDescriptor object(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.OBJECT, itemType);
  }

  /** An operation answered with a bare array. */
  public OperationDescriptor array(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.ARRAY, itemType);
  }

  /** An operation answered with a bare id. */
  public OperationDescriptor id(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.ID, itemType);
  }

  /** An operation answered with no body. */
  public OperationDescriptor none(String operationId, String method, String path, Class<?> itemType) {
    return op(operationId, method, path, Shape.NONE, itemType);
  }
}
