package dev.titanj.replica;

import dev.titanj.core.TitanException;

/**
 * A replica operation failed: the database refused a statement, the schema does not match, or
 * another process is syncing the same resource of the same tenant. The transaction of the batch
 * in progress is rolled back, so the replica stays at its last committed batch.
 */
public class ReplicaException extends TitanException {
  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public ReplicaException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public ReplicaException(String message, Throwable cause) {
    super(message, cause);
  }
}
